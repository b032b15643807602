package uk.putitright.audit;

import uk.putitright.letters.XhtmlPdf;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/** The timeline as an A4 landscape PDF, from {@code templates/audit/timeline-pdf.html}. */
@Component
class TimelinePdf {

    private final ITemplateEngine templates;

    TimelinePdf(ITemplateEngine templates) {
        this.templates = templates;
    }

    byte[] of(ComplaintTimeline.Timeline timeline) {
        Context context = new Context(Locale.UK);
        context.setVariable("timeline", timeline);
        return XhtmlPdf.render(templates.process("audit/timeline-pdf", context), "classpath:/templates/audit/");
    }
}
