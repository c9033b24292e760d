package dev.graft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report in headless Chromium (Debian's, installed by .ci/run) at a phone's width and a
 * desktop's: the page never scrolls sideways, no console errors, and every chart's axes carry tick
 * labels. Skipped on a machine without Chromium, except under CI, where its absence fails.
 */
class ReportInBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TempDir
    Path dir;

    @Test
    void theReportReadsAt390And1400PixelsWithLabelledAxes() throws IOException, InterruptedException {
        if (System.getenv("CI") != null) {
            assertTrue(Files.isExecutable(CHROMIUM), "CI installs chromium (.ci/run); it is missing");
        }
        assumeTrue(Files.isExecutable(CHROMIUM), "no chromium here");
        // two sizes (a gain chart, labels worth), two pretrained backbones (metric scatters)
        String yaml = GraftCliTest.TINY.replace("samplesPerClass: [5]", "samplesPerClass: [5, 10]")
                .replace("      head: [{type: linear}]", """
                            - type: convnet
                              channels: [8, 8]
                              label: other-source
                              pretrain:
                                data: {type: fashion-mnist, classes: [2, 3], source: bundled}
                                samplesPerClass: 100
                                train: {epochs: 1, batchSize: 32}
                          head: [{type: linear}]""");
        Path out = dir.resolve("run");
        GraftCliTest.Result run = GraftCliTest.graft("run", Files.writeString(dir.resolve("browser.yaml"), yaml).toString(), "--out", out.toString(),
                "--cache", dir.resolve("cache").toString());
        assertEquals(0, run.code(), run.out() + run.err());
        String html = Files.readString(out.resolve("report/index.html"));
        assertTrue(html.contains("<meta name=\"viewport\""), "viewport meta");

        List<String> charts = new ArrayList<>();
        Matcher svg = Pattern.compile("<svg class=\"chart\".*?</svg>", Pattern.DOTALL).matcher(html);
        while (svg.find()) {
            charts.add(svg.group());
        }
        assertTrue(charts.size() >= 6, "forest plots, gain and worth charts, learning curves, scatters: " + charts.size());
        for (String chart : charts) {
            assertTrue(chart.contains("viewBox=") && !chart.matches("(?s)<svg[^>]*\\swidth=.*"), "a chart scales with the page");
            long ticks = Pattern.compile(">-?[0-9]+(\\.[0-9]+)?</text>").matcher(chart).results().count();
            assertTrue(ticks >= 4, "axes without tick labels in a chart titled "
                    + chart.replaceAll("(?s).*?<text[^>]*>([^<]*)</text>.*", "$1"));
        }

        for (int width : new int[] {390, 1400}) {
            // headless windows are at least 500 px wide: the report is measured in a frame of the width asked for
            Path probe = Files.writeString(out.resolve("report/probe-" + width + ".html"), "<!DOCTYPE html><html><head><title>probe</title></head>"
                    + "<body style=\"margin:0\"><iframe id=\"f\" src=\"index.html\" style=\"width:" + width + "px;height:900px;border:0\"></iframe>"
                    + "<script>f.onload = () => { const page = f.contentDocument.documentElement; "
                    + "document.title = 'width ' + page.scrollWidth + ' of ' + f.contentWindow.innerWidth; };</script></body></html>");
            Process chromium = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--user-data-dir=" + dir.resolve("profile-" + width), "--allow-file-access-from-files", "--enable-logging=stderr", "--v=0", "--virtual-time-budget=5000",
                    "--window-size=" + Math.max(width, 600) + ",1000", "--dump-dom", probe.toUri().toString()).redirectErrorStream(false).start();
            String dom = new String(chromium.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String log = new String(chromium.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, chromium.waitFor(), log);
            Matcher title = Pattern.compile("<title>width ([0-9]+) of ([0-9]+)</title>").matcher(dom);
            assertTrue(title.find(), "the probe did not run at " + width + " px: " + log);
            assertEquals(width, Integer.parseInt(title.group(2)), "the frame's width");
            assertTrue(Integer.parseInt(title.group(1)) <= Integer.parseInt(title.group(2)),
                    "the page scrolls sideways at " + width + " px: " + title.group());
            assertTrue(log.lines().noneMatch(l -> l.contains(":CONSOLE(") || l.contains("Uncaught")), "console errors at " + width + " px:\n" + log);
        }
    }
}
