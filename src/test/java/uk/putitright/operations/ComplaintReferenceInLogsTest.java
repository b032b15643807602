package uk.putitright.operations;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import uk.putitright.process.ProcessTestSupport;

/** A line logged while a complaint's job runs names the complaint, so its story can be pulled from the logs. */
class ComplaintReferenceInLogsTest extends ProcessTestSupport {

    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final Logger breachLog = (Logger) LoggerFactory.getLogger("uk.putitright.process.RecordBreachDelegate");

    @BeforeEach
    void capture() {
        lines.start();
        breachLog.addAppender(lines);
    }

    @AfterEach
    void release() {
        breachLog.detachAppender(lines);
    }

    @Test
    void aMissedDeadlineIsLoggedWithTheComplaintReference() {
        clockAt("2026-12-21T10:00");
        String reference = logComplaint("chorus-homes", "", false);
        // acknowledgement due Wednesday 23 December 17:00; nobody acknowledged it
        clockAt("2026-12-24T09:00");
        executeDueJobs();

        assertThat(lines.list).filteredOn(line -> line.getFormattedMessage().contains("ACKNOWLEDGEMENT"))
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line.getMDCPropertyMap())
                        .containsEntry(ComplaintReferenceLogging.MDC_KEY, reference));
    }
}
