package uk.putitright.letters;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Emails a letter with its PDF. Runs as its own job (asyncBefore, retried R5/PT5M, then an incident): a
 * letter already delivered is never sent again, however often the job or the delivery is replayed. Each
 * email carries a Message-ID made from the letter id, so a resend after a crash between the SMTP hand-over
 * and our commit is recognisable as the same message.
 */
@Component("emailLetter")
class EmailLetterDelegate implements JavaDelegate {

    private final LetterRepository letters;
    private final JavaMailSender mail;
    private final String from;
    private final String messageIdDomain;

    EmailLetterDelegate(LetterRepository letters, JavaMailSender mail,
                        @Value("${putitright.mail.from}") String from,
                        @Value("${putitright.mail.message-id-domain}") String messageIdDomain) {
        this.letters = letters;
        this.mail = mail;
        this.from = from;
        this.messageIdDomain = messageIdDomain;
    }

    @Override
    public void execute(DelegateExecution execution) throws MessagingException {
        Letter letter = letters.findById(((Number) execution.getVariable("letterId")).longValue()).orElseThrow();
        if (letter.isDelivered()) {
            return;
        }
        MimeMessage message = new LetterMessage(mail.createMimeMessage(), "<letter-" + letter.getId() + "@"
                + messageIdDomain + ">");
        MimeMessageHelper email = new MimeMessageHelper(message, true, "UTF-8");
        email.setFrom(from);
        email.setTo(letter.getRecipientEmail());
        email.setSubject(LetterTitles.subject(letter));
        email.setText(letter.getBody());
        email.addAttachment(letter.getReference() + "-" + letter.getType().name().toLowerCase()
                .replace('_', '-') + ".pdf", new ByteArrayResource(LetterRenderer.pdfOf(letter, true)), "application/pdf");
        mail.send(message);
        letter.markEmailed(ClockUtil.getCurrentTime().toInstant());
    }

    /** Keeps our Message-ID: JavaMail would otherwise replace it with a random one when saving. */
    private static final class LetterMessage extends MimeMessage {

        private final String messageId;

        LetterMessage(MimeMessage template, String messageId) {
            super(template.getSession());
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
