package uk.putitright.audit;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Well-formed XHTML (a Thymeleaf template's output) to PDF with openhtmltopdf, the way
 * {@code uk.putitright.letters.LetterRenderer} renders letters: parsed as XML without external entities or
 * DTDs, then rendered in fast mode.
 */
final class XhtmlPdf {

    private XhtmlPdf() {
    }

    static byte[] render(String xhtml, String baseUri) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withW3cDocument(parse(xhtml), baseUri);
            builder.withProducer("Put It Right");
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("Could not render a PDF from " + baseUri, e);
        }
    }

    private static Document parse(String xhtml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xhtml)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalStateException("Template output is not well-formed XHTML: " + e.getMessage(), e);
        }
    }
}
