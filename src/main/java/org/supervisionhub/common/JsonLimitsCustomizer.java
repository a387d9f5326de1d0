package org.supervisionhub.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** Applies {@link JsonLimits} to the hub's ObjectMapper, which every reader of client JSON uses. */
@Singleton
public class JsonLimitsCustomizer implements ObjectMapperCustomizer {

    @Inject
    JsonLimits limits;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(limits.constraints());
    }
}
