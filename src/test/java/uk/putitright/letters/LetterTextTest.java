package uk.putitright.letters;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.putitright.complaint.Channel;
import uk.putitright.complaint.Complaint;
import uk.putitright.complaint.ComplaintRepository;
import uk.putitright.complaint.ContactMethod;
import uk.putitright.intake.ComplaintIntake;
import uk.putitright.intake.NewComplaintRequest;

/**
 * Letters print whatever text is stored: characters XML cannot hold (stored before the input rules) are left
 * out instead of failing the letter (issue 18, item 4), and long unbroken names and addresses wrap, keeping
 * the date, our reference and the case handler on the first page (item 7). Checked on the PDF itself.
 */
@SpringBootTest
@ActiveProfiles("test")
class LetterTextTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Instant WRITTEN_AT = OffsetDateTime.parse("2026-12-23T11:00:00Z").toInstant();

    @Autowired LetterRenderer renderer;
    @Autowired ComplaintIntake intake;
    @Autowired ComplaintRepository complaints;
    @Autowired IdentityService identity;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void aLetterToANameStoredWithControlAndNonCharactersStillRenders() throws Exception {
        // (no U+0000: PostgreSQL cannot store it in text, so it is never stored text; the input rules refuse it)
        Complaint complaint = stored("Pat\u0001Ten\u001Fant\uFFFE", "1 High Street\u0002, Huntingdon", "Boiler\u0007");

        RenderedLetter letter = renderer.render(complaint, LetterType.ACKNOWLEDGEMENT, byPost(complaint), WRITTEN_AT);
        String text = pdfText(LetterRenderer.pdf(letter.xhtml()));

        assertThat(text).contains("Dear PatTenant,", complaint.getReference(), "1 High Street");
        assertThat(letter.text()).contains("Dear PatTenant,").doesNotContain("\u0001", "\u001F", "\uFFFE");
        // a letter written before the fix, kept as XHTML with the character in it, prints too
        String oldXhtml = letter.xhtml().replace("PatTenant", "Pat\u0001Tenant");
        assertThat(LetterRenderer.pdf(oldXhtml)).startsWith("%PDF".getBytes());
    }

    @Test
    void longUnbrokenNamesAndAddressesWrapAndEveryRequiredBlockStaysOnThePage() throws Exception {
        ensureUser("lt.wrap", "Sam", "Jones");
        String name = "Pat" + "x".repeat(197);
        String address = "1" + "y".repeat(498);
        Complaint complaint = stored(name, address, "The boiler " + "z".repeat(300) + " is broken.");
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            Complaint loaded = complaints.findById(complaint.getId()).orElseThrow();
            loaded.assignCaseHandler("lt.wrap");
            complaints.save(loaded);
        });
        Complaint assigned = complaints.findById(complaint.getId()).orElseThrow();

        for (LetterType type : new LetterType[] {LetterType.ACKNOWLEDGEMENT, LetterType.STAGE_1_RESPONSE}) {
            RenderedLetter letter = renderer.render(assigned, type, byPost(assigned), WRITTEN_AT);
            byte[] pdf = LetterRenderer.pdf(letter.xhtml());
            Files.createDirectories(Path.of("target", "letters"));
            Files.write(Path.of("target", "letters", "long-text-" + type.name().toLowerCase() + ".pdf"), pdf);

            try (PDDocument document = Loader.loadPDF(pdf)) {
                OnPage firstPage = new OnPage(document.getPage(0).getMediaBox());
                firstPage.setStartPage(1);
                firstPage.setEndPage(1);
                String page1 = firstPage.getText(document).replaceAll("\\s+", " ");
                assertThat(page1).as(type.name()).contains("Date: Wednesday 23 December 2026",
                        "Our reference: " + assigned.getReference(), "Case handler: Sam Jones");
                assertThat(firstPage.offPage).as(type + ": characters printed outside the page").isEmpty();
                // the long name and address are printed in full, wrapped over several lines
                String all = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
                assertThat(all).as(type.name()).contains(name, address);
            }
            for (int page = 1; page < 10; page++) {
                // every page: nothing runs off it
                try (PDDocument document = Loader.loadPDF(pdf)) {
                    if (page >= document.getNumberOfPages()) {
                        break;
                    }
                    OnPage later = new OnPage(document.getPage(page).getMediaBox());
                    later.setStartPage(page + 1);
                    later.setEndPage(page + 1);
                    later.getText(document);
                    assertThat(later.offPage).as(type + " page " + (page + 1)).isEmpty();
                }
            }
        }
    }

    /** Collects every character printed (even partly) outside the page's width. */
    private static final class OnPage extends PDFTextStripper {

        private final PDRectangle page;
        final List<String> offPage = new ArrayList<>();

        OnPage(PDRectangle page) {
            this.page = page;
            setSortByPosition(true);
        }

        @Override
        protected void processTextPosition(TextPosition text) {
            if (text.getXDirAdj() < 0 || text.getXDirAdj() + text.getWidthDirAdj() > page.getWidth() + 0.5f) {
                offPage.add(text.getUnicode() + "@" + text.getXDirAdj());
            }
            super.processTextPosition(text);
        }
    }

    private Complaint stored(String name, String address, String summary) {
        // straight to the register, as text stored before the input rules was
        return intake.register(new NewComplaintRequest("chorus-homes", null, null, Channel.PHONE,
                OffsetDateTime.ofInstant(WRITTEN_AT.minusSeconds(86_400), LONDON),
                new NewComplaintRequest.Customer(name, null, null, address, ContactMethod.POST),
                null, summary, null));
    }

    private static Recipient byPost(Complaint complaint) {
        return new Recipient(complaint.getCustomer().getName(), null, complaint.getCustomer().getAddress(),
                ContactMethod.POST, false);
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document).replaceAll("\\s+", " ");
        }
    }

    private void ensureUser(String id, String first, String last) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setFirstName(first);
            user.setLastName(last);
            user.setPassword(id);
            identity.saveUser(user);
        }
    }
}
