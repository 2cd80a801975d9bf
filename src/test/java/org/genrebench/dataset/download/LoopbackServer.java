package org.genrebench.dataset.download;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Serves one byte array on 127.0.0.1 with Range support; can cut the first response short or ignore Range. */
final class LoopbackServer implements AutoCloseable {
    private final HttpServer server;
    private final byte[] content;
    final List<String> rangeHeaders = new CopyOnWriteArrayList<>();
    volatile int cutFirstResponseAfter = -1;
    volatile boolean ignoreRange;

    LoopbackServer(byte[] content) throws IOException {
        this.content = content;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/genres.tar.gz", this::handle);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/genres.tar.gz");
    }

    private void handle(HttpExchange exchange) throws IOException {
        String range = exchange.getRequestHeaders().getFirst("Range");
        rangeHeaders.add(String.valueOf(range));
        int from = 0;
        if (range != null && !ignoreRange) {
            from = Integer.parseInt(range.replaceAll("bytes=(\\d+)-", "$1"));
            exchange.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (content.length - 1) + "/" + content.length);
            exchange.sendResponseHeaders(206, content.length - from);
        } else {
            exchange.sendResponseHeaders(200, content.length);
        }
        int cut = cutFirstResponseAfter;
        cutFirstResponseAfter = -1;
        OutputStream body = exchange.getResponseBody();
        if (cut >= 0) {
            body.write(content, from, cut);
            body.flush();
            exchange.close(); // fewer bytes than Content-Length: the client sees a truncated transfer
            return;
        }
        body.write(content, from, content.length - from);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
