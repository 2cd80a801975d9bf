package org.genrebench.dataset.download;

import org.genrebench.util.AtomicFiles;
import org.genrebench.util.UserException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;

/**
 * Downloads one file with resume: bytes go to {@code <target>.part}; a later attempt asks for the rest with
 * an HTTP Range request and appends if the server answers 206, or starts over if it answers 200. The part
 * file becomes the target only after its checksum matches.
 */
public final class HttpDownloader {
    /** Told how many bytes are present so far, and the total when the server says it. */
    public interface Progress {
        void update(long bytes, long totalOrMinusOne);

        Progress NONE = (bytes, total) -> {
        };
    }

    private final HttpClient client;
    private final int attempts;

    public HttpDownloader(int attempts) {
        if (attempts < 1) throw new IllegalArgumentException("attempts must be positive");
        this.attempts = attempts;
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(30)).build();
    }

    public static Path partFile(Path target) {
        return target.resolveSibling(target.getFileName() + ".part");
    }

    /** Downloads {@code url} to {@code target}, retrying interrupted transfers, and verifies it when a checksum is given. */
    public void download(URI url, Path target, Optional<Checksum> checksum, Progress progress) throws IOException, InterruptedException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path part = partFile(target);
        IOException last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                transfer(url, part, progress);
                last = null;
                break;
            } catch (IOException e) {
                last = e; // the part file keeps what arrived; the next attempt resumes from there
            }
        }
        if (last != null) {
            long have = Files.exists(part) ? Files.size(part) : 0;
            throw new UserException("download of " + url + " failed after " + attempts + " attempt(s) (" + cause(last) + ")"
                    + (have > 0 ? "; run again to resume from the " + have + " bytes in " + part : ""), last);
        }
        if (checksum.isPresent()) {
            try {
                checksum.get().verify(part);
            } catch (UserException e) {
                Files.delete(part); // a complete but wrong file cannot be resumed into a right one
                throw new UserException("download of " + url + " is corrupt (" + e.getMessage() + "); the partial file was removed");
            }
        }
        AtomicFiles.move(part, target);
    }

    /** The real reason of a failed transfer (a refused connection's exception has no message of its own). */
    static String cause(Throwable e) {
        Throwable root = e;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String what = switch (t) {
                case java.net.ConnectException c -> "connection refused or host unreachable";
                case java.net.UnknownHostException u -> "unknown host " + u.getMessage();
                case java.net.http.HttpTimeoutException h -> "timed out";
                case java.net.SocketTimeoutException h -> "timed out";
                default -> null;
            };
            if (what != null) return what;
            root = t;
        }
        return root.getMessage() != null ? root.getMessage() : e.getMessage() != null ? e.getMessage() : root.getClass().getSimpleName();
    }

    private void transfer(URI url, Path part, Progress progress) throws IOException, InterruptedException {
        long have = Files.exists(part) ? Files.size(part) : 0;
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofMinutes(5)).GET();
        if (have > 0) request.header("Range", "bytes=" + have + "-");
        HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        int status = response.statusCode();
        try (InputStream body = response.body()) {
            if (status == 416 && have > 0) {
                Files.delete(part); // our part is not a prefix the server recognises: start over next attempt
                throw new IOException("server rejected the resume range");
            }
            if (status != 200 && status != 206) throw new UserException("download of " + url + " failed: HTTP " + status);
            boolean append = status == 206;
            long start = append ? have : 0;
            long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            long total = length < 0 ? -1 : start + length;
            try (OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
                long written = start;
                byte[] buf = new byte[1 << 16];
                for (int n; (n = body.read(buf)) > 0; ) {
                    out.write(buf, 0, n);
                    written += n;
                    progress.update(written, total);
                }
                if (total >= 0 && written < total) throw new IOException("connection closed after " + written + " of " + total + " bytes");
            }
        }
    }
}
