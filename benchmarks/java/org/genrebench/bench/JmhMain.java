package org.genrebench.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * JMH's own command line ({@code org.openjdk.jmh.Main}), less the benchmarks whose tools are missing: without ffmpeg on
 * the PATH, {@code DecodeBench.decodeFfmpeg} is excluded with one printed line and the other rows run.
 */
public final class JmhMain {
    private JmhMain() {
    }

    public static void main(String[] args) throws Exception {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        if (!DecodeBench.ffmpegOnPath()) {
            System.out.println("ffmpeg is not on the PATH: DecodeBench.decodeFfmpeg is skipped (install ffmpeg to measure it);"
                    + " DecodeBench's Java rows decode " + DecodeBench.FIXTURE_NOTE);
            all.add("-e");
            all.add("DecodeBench\\.decodeFfmpeg");
        }
        org.openjdk.jmh.Main.main(all.toArray(String[]::new));
    }
}
