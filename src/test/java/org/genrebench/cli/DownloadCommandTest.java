package org.genrebench.cli;

import com.sun.net.httpserver.HttpServer;
import org.genrebench.SharedData;
import org.genrebench.model.pretrained.MusicnnWeights;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * User errors, and {@code download musicnn} end to end against a server on 127.0.0.1 that serves the real model files
 * from the shared folder (the dataset downloads are tested in the dataset package).
 */
class DownloadCommandTest {
    private static String run(int expectedCode, String... args) {
        StringWriter err = new StringWriter();
        CommandLine cl = GenreBench.newCommandLine();
        cl.setErr(new PrintWriter(err));
        assertEquals(expectedCode, cl.execute(args), err::toString);
        return err.toString().strip();
    }

    @Test
    void unknownDatasetIsAUserError(@TempDir Path dir) {
        assertEquals("error: unknown dataset 'mnist'; known: gtzan, fma-metadata, fma-small, fma-medium, musicnn", run(2, "download", "mnist", "--to", dir.toString()));
    }

    @Test
    void malformedChecksumIsAUserError(@TempDir Path dir) {
        assertEquals("error: SHA-256 checksum must be 64 hex digits, not 'abc'",
                run(2, "download", "gtzan", "--to", dir.toString(), "--url", "http://127.0.0.1:9/x.tar.gz", "--sha256", "abc"));
    }

    @Test
    void musicnnFetchesTheFourModelsAndVerifiesThem(@TempDir Path dir) throws IOException {
        Path models = SharedData.musicnnModels();
        List<String> requests = new ArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/models/", exchange -> {
            requests.add(exchange.getRequestURI().getPath());
            Path file = models.resolve(exchange.getRequestURI().getPath().substring("/models/".length()));
            byte[] body = Files.readAllBytes(file);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/models";
            StringWriter out = new StringWriter();
            CommandLine cl = GenreBench.newCommandLine();
            cl.setOut(new PrintWriter(out));
            assertEquals(0, cl.execute("download", "musicnn", "--to", dir.toString(), "--url", url));
            for (MusicnnWeights w : MusicnnWeights.values()) {
                assertEquals(w.sha256().hex(), w.sha256().digestOf(w.file(dir)), w.id());
                assertTrue(out.toString().contains(w.fileName() + " is ready in " + dir), out.toString());
            }
            assertEquals(4, requests.size(), requests.toString());
            StringWriter again = new StringWriter();
            cl = GenreBench.newCommandLine();
            cl.setOut(new PrintWriter(again));
            assertEquals(0, cl.execute("download", "musicnn", "--to", dir.toString(), "--url", url));
            assertEquals(4, requests.size(), "verified files are not fetched again");
            assertTrue(again.toString().contains("MSD_musicnn.h5 is already in " + dir), again.toString());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void musicnnTakesNoChecksumOption(@TempDir Path dir) {
        assertEquals("error: --sha256, --sha1 and --md5 are for dataset archives; the musicnn models are checked against their published SHA-256",
                run(2, "download", "musicnn", "--to", dir.toString(), "--sha256", "0".repeat(64)));
        assertEquals(MusicnnWeights.BASE_URL + "MSD_musicnn.h5", MusicnnWeights.MSD_MUSICNN.url().toString());
    }
}
