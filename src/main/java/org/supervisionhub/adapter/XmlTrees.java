package org.supervisionhub.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.supervisionhub.common.ErrorCode;
import org.supervisionhub.common.HubException;

/**
 * The reading of an XML payload into a tree (see {@link XmlPayloads} for the shape and the safety rules), without
 * JAX-RS: the hub's message body reader, the golden tests and the offline docking kit read through it.
 */
public final class XmlTrees {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private XmlTrees() {}

    /** A parser factory per document: the JDK's own implementation (whatever else is on the class path), locked down. */
    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXMLResolver((publicId, systemId, base, namespace) -> {
            throw new XMLStreamException("external references are not read");
        });
        return factory;
    }

    /** One element being read: its attributes and children so far, and its text. */
    private static final class Element {
        final Map<String, Object> fields = new LinkedHashMap<>();
        final StringBuilder text = new StringBuilder();
    }

    /**
     * The tree of an XML document (its root element's content). Its encoding is the one its XML declaration names (or
     * its byte order mark shows); without either, the charset of the HTTP header, else UTF-8. (HTTP clients add a
     * default charset of their own to XML bodies often enough that the document's own declaration is the better
     * witness.)
     */
    public static JsonNode read(InputStream body, String charset, int maxDepth, int maxText) {
        XMLStreamReader reader = null;
        try {
            java.io.BufferedInputStream buffered = new java.io.BufferedInputStream(body);
            boolean declared = declaresEncoding(buffered);
            XMLInputFactory factory = factory();
            reader = charset == null || declared
                    ? factory.createXMLStreamReader(buffered)
                    : factory.createXMLStreamReader(buffered, charset);
            Deque<Element> open = new ArrayDeque<>();
            JsonNode root = null;
            while (reader.hasNext()) {
                int event = reader.next();
                switch (event) {
                    case XMLStreamConstants.DTD:
                        throw HubException.badRequest(
                                ErrorCode.XML_DTD_FORBIDDEN,
                                "the XML body declares a DTD; send it without one (no entities are expanded)");
                    case XMLStreamConstants.ENTITY_REFERENCE:
                        throw HubException.badRequest(
                                ErrorCode.MALFORMED_XML,
                                "the XML body refers to the undeclared entity '" + reader.getLocalName() + "'");
                    case XMLStreamConstants.START_ELEMENT:
                        if (open.size() >= maxDepth) {
                            throw HubException.badRequest(
                                    ErrorCode.NESTING_TOO_DEEP,
                                    "the XML body exceeds a limit: elements nested deeper than " + maxDepth);
                        }
                        Element element = new Element();
                        for (int i = 0; i < reader.getAttributeCount(); i++) {
                            String value = reader.getAttributeValue(i);
                            requireLength(value.length(), maxText);
                            element.fields.putIfAbsent("@" + reader.getAttributeLocalName(i), NODES.textNode(value));
                        }
                        open.push(element);
                        break;
                    case XMLStreamConstants.CHARACTERS:
                    case XMLStreamConstants.CDATA:
                    case XMLStreamConstants.SPACE:
                        if (!open.isEmpty()) {
                            StringBuilder text = open.peek().text;
                            requireLength(text.length() + reader.getTextLength(), maxText);
                            text.append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
                        }
                        break;
                    case XMLStreamConstants.END_ELEMENT:
                        JsonNode node = node(open.pop());
                        if (open.isEmpty()) {
                            root = node;
                        } else {
                            add(open.peek(), reader.getLocalName(), node);
                        }
                        break;
                    default:
                    // comments, processing instructions, the document's start and end: nothing to keep
                }
            }
            if (root == null) {
                throw HubException.badRequest(ErrorCode.MALFORMED_XML, "the XML body holds no element");
            }
            return root;
        } catch (XMLStreamException e) {
            String where = e.getLocation() == null || e.getLocation().getLineNumber() < 0
                    ? ""
                    : " (line " + e.getLocation().getLineNumber() + ", column "
                            + e.getLocation().getColumnNumber() + ")";
            throw HubException.badRequest(ErrorCode.MALFORMED_XML, "the body is not well-formed XML" + where);
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException e) {
                    // nothing left to read
                }
            }
        }
    }

    /** Whether the document starts with a byte order mark or an XML declaration naming its encoding. */
    private static boolean declaresEncoding(java.io.BufferedInputStream body) {
        byte[] head = new byte[256];
        int read = 0;
        try {
            body.mark(head.length);
            for (int n; read < head.length && (n = body.read(head, read, head.length - read)) > 0; ) {
                read += n;
            }
            body.reset();
        } catch (java.io.IOException e) {
            return false;
        }
        if (read >= 2
                && ((head[0] == (byte) 0xFE && head[1] == (byte) 0xFF)
                        || (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE))) {
            return true;
        }
        if (read >= 3 && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB && head[2] == (byte) 0xBF) {
            return true;
        }
        String start = new String(head, 0, read, java.nio.charset.StandardCharsets.ISO_8859_1);
        int end = start.indexOf("?>");
        return start.startsWith("<?xml") && end > 0 && start.substring(0, end).contains("encoding");
    }

    private static void requireLength(int length, int maxText) {
        if (length > maxText) {
            throw new HubException(
                    413,
                    "STRING_TOO_LONG",
                    "Payload too large",
                    "the XML body exceeds a limit: a text or attribute longer than " + maxText + " characters",
                    List.of());
        }
    }

    @SuppressWarnings("unchecked")
    private static void add(Element parent, String name, JsonNode node) {
        Object existing = parent.fields.get(name);
        if (existing == null) {
            parent.fields.put(name, node);
        } else if (existing instanceof List<?> list) {
            ((List<JsonNode>) list).add(node);
        } else {
            List<JsonNode> list = new java.util.ArrayList<>();
            list.add((JsonNode) existing);
            list.add(node);
            parent.fields.put(name, list);
        }
    }

    private static JsonNode node(Element element) {
        String text = element.text.toString();
        boolean blank = FieldMapper.strip(text).isEmpty();
        if (element.fields.isEmpty()) {
            return blank ? NODES.nullNode() : NODES.textNode(text);
        }
        ObjectNode object = NODES.objectNode();
        element.fields.forEach((name, value) -> {
            if (value instanceof List<?> list) {
                ArrayNode array = object.putArray(name);
                list.forEach(item -> array.add((JsonNode) item));
            } else {
                object.set(name, (JsonNode) value);
            }
        });
        if (!blank) {
            object.put("#text", text);
        }
        return object;
    }
}
