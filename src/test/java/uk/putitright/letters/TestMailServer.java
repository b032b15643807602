package uk.putitright.letters;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * One GreenMail SMTP server on localhost:3025 for the whole test run, since every letter is emailed by a
 * job. Delivery tests stop and restart it to play "SMTP down, then back".
 */
public final class TestMailServer {

    private static GreenMail server;

    private TestMailServer() {
    }

    public static synchronized GreenMail running() {
        if (server == null) {
            server = new GreenMail(ServerSetupTest.SMTP);
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        } else if (!server.isRunning()) {
            server.start();
        }
        return server;
    }

    public static synchronized void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
