package org.supervisionhub.record;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Reads an amount as uploads always have: a JSON number with a fraction (or an exponent) through its double value, as
 * the JSON tree records were once bound from held it ({@code 100.50} becomes 100.5, {@code 1e3} 1000.0), so a record
 * re-sent after records came to be bound straight from their text has the same canonical body and content hash, and
 * stays unchanged instead of becoming a new version. A float no double can hold is refused as the tree refused it;
 * integers and strings read as Jackson reads them.
 */
final class AmountDeserializer extends StdScalarDeserializer<BigDecimal> {

    private static final long serialVersionUID = 1L;

    AmountDeserializer() {
        super(BigDecimal.class);
    }

    @Override
    public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
            double value = p.getDoubleValue();
            if (!Double.isFinite(value)) {
                // 1e999999999: no amount, and no double either; the tree refused it the same way.
                throw JsonMappingException.from(p, "not a finite amount");
            }
            return BigDecimal.valueOf(value);
        }
        return NumberDeserializers.BigDecimalDeserializer.instance.deserialize(p, ctxt);
    }
}
