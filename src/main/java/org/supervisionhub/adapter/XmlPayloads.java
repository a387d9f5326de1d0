package org.supervisionhub.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import org.supervisionhub.common.JsonLimits;

/**
 * XML payloads of docked systems ({@code format: xml}) read into the same tree a JSON payload becomes, so every
 * mapping rule applies unchanged: the root element's content is the payload; an element with neither attributes nor
 * child elements is its text (an empty one is null); any other element is an object of its attributes ({@code @name}),
 * its child elements by local name (a repeated element becomes a list, in document order) and, if it has any, its own
 * text ({@code #text}). Namespaces are dropped; every value is text (the rules convert numbers and booleans).
 *
 * <p>Read safely: a document that declares a DTD is refused ({@code XML_DTD_FORBIDDEN}), so no entity is ever
 * expanded and nothing external is fetched; elements nest at most as deep as JSON may ({@code hub.json.max-nesting-
 * depth}) and no text is longer than a JSON string may be ({@code hub.json.max-string-length}); the body itself is
 * bounded like every request body ({@code hub.http.max-body-size}).
 */
@Provider
@Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML})
public class XmlPayloads implements MessageBodyReader<JsonNode> {

    @Inject
    JsonLimits limits;

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return JsonNode.class.isAssignableFrom(type);
    }

    @Override
    public JsonNode readFrom(
            Class<JsonNode> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, String> headers,
            InputStream body) {
        String charset = mediaType == null ? null : mediaType.getParameters().get(MediaType.CHARSET_PARAMETER);
        return XmlTrees.read(body, charset, limits.maxNestingDepth(), limits.maxStringLength());
    }

    /** The tree of an XML document: see {@link XmlTrees#read}. */
    public static JsonNode read(InputStream body, String charset, int maxDepth, int maxText) {
        return XmlTrees.read(body, charset, maxDepth, maxText);
    }
}
