package uk.putitright.letters;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * One GreenMail SMTP server on localhost:3025 (or {@code PUTITRIGHT_TEST_SMTP_PORT}, so two checkouts can run
 * their suites side by side) for the whole test run, since every letter is emailed by a job. Delivery tests
 * stop and restart it to play "SMTP down, then back".
 */
public final class TestMailServer {

    private static GreenMail server;

    private TestMailServer() {
    }

    public static synchronized GreenMail running() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(port(), null, ServerSetup.PROTOCOL_SMTP));
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        } else if (!server.isRunning()) {
            server.start();
        }
        return server;
    }

    private static int port() {
        String port = System.getenv("PUTITRIGHT_TEST_SMTP_PORT");
        return port == null || port.isBlank() ? 3025 : Integer.parseInt(port);
    }

    public static synchronized void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
