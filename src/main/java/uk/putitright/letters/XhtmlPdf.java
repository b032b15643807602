package uk.putitright.letters;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import uk.putitright.text.TextRules;

/**
 * Well-formed XHTML (a Thymeleaf template's output) to PDF with openhtmltopdf, for letters, the complaint
 * timeline and the annual report alike: parsed as XML without external entities or DTDs, then rendered in
 * fast mode.
 */
public final class XhtmlPdf {

    private XhtmlPdf() {
    }

    /** {@code baseUri} resolves the template's relative links, e.g. "classpath:/templates/audit/". */
    public static byte[] render(String xhtml, String baseUri) {
        return render(parse(xhtml), baseUri);
    }

    public static byte[] render(Document document, String baseUri) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withW3cDocument(document, baseUri);
            builder.withProducer("Put It Right");
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("Could not render a PDF from " + baseUri, e);
        }
    }

    /** One secure parser per thread: a builder is not thread-safe, and creating the factory is a service lookup. */
    private static final ThreadLocal<DocumentBuilder> PARSERS = ThreadLocal.withInitial(() -> {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("No secure XML parser: " + e.getMessage(), e);
        }
    });

    /**
     * Parsed after dropping what XML cannot hold (control characters, non-characters): text stored before the
     * input rules (uk.putitright.text) may contain them, and a letter must still print.
     */
    public static Document parse(String xhtml) {
        DocumentBuilder parser = PARSERS.get();
        try {
            return parser.parse(new InputSource(new StringReader(TextRules.printable(xhtml))));
        } catch (SAXException | IOException e) {
            throw new IllegalStateException("not well-formed XHTML: " + e.getMessage(), e);
        } finally {
            parser.reset();
        }
    }
}
