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
        // two sizes (a gain chart, labels worth), two pretrained backbones (metric scatters), seeds
        // added until decided (a 'stopped' column), two evaluation sets (cards, per-set charts)
        String yaml = GraftCliTest.TINY.replace("samplesPerClass: [5]", "samplesPerClass: [5, 10]")
                .replace("seeds: [1, 2]", "seeds: {start: 5, max: 5}")
                .replace("similaritySamples: 40", """
                        similaritySamples: 40
                        evaluate:
                          noise: {type: corrupt, corruption: gaussian-noise, severity: 3}
                          source: {type: source-task}""")
                .replace("  head: [{type: linear}]\n", String.join("\n",
                        "    - type: convnet",
                        "      channels: [8, 8]",
                        "      label: other-source",
                        "      pretrain:",
                        "        data: {type: fashion-mnist, classes: [2, 3], source: bundled}",
                        "        samplesPerClass: 100",
                        "        train: {epochs: 1, batchSize: 32}",
                        "  head: [{type: linear}]\n"));
        assertTrue(yaml.contains("label: other-source"), yaml);
        Path out = dir.resolve("run");
        GraftCliTest.Result run = GraftCliTest.graft("run", Files.writeString(dir.resolve("browser.yaml"), yaml).toString(), "--out", out.toString(),
                "--cache", dir.resolve("cache").toString());
        assertEquals(0, run.code(), run.out() + run.err());
        String html = Files.readString(out.resolve("report/index.html"));
        assertTrue(html.contains("<meta name=\"viewport\""), "viewport meta");
        // the labels every strategy shares are said once above the gain table, not in a column of their own
        assertTrue(html.contains("<p><b>Every strategy:</b> head linear, augment none;") && html.contains("no trial failed</p>"),
                "the shared labels: " + html.replaceAll("(?s).*(<p><b>Every strategy:</b>[^\n]*).*", "$1"));
        String gains = html.substring(html.indexOf("<div class=scroll id=gains>"), html.indexOf("</table>", html.indexOf("id=gains")));
        assertTrue(gains.contains("<th>backbone</th>") && !gains.contains("<th>head</th>") && !gains.contains("<th>failed</th>")
                && !gains.contains("<th>seeds</th>") && !gains.contains("<th>stopped</th>"), "columns equal on every row: " + gains);
        // per evaluation set of the target's examples: a forest plot per size (the source task is retention, not a gain)
        assertTrue(html.contains("Gain over scratch on noise at 5 labels per class") && html.contains("Gain over scratch on noise at 10 labels per class"),
                "forest plots per set");
        assertTrue(!html.contains("Gain over scratch on source"), "no gain on the source task");

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
                    + "const gains = f.contentDocument.getElementById('gains'); "
                    + "const cards = Array.from(f.contentDocument.querySelectorAll('table.card')); "
                    + "const right = Math.max(...cards.map(c => Math.ceil(c.getBoundingClientRect().right))); "
                    // the smallest scale a shown chart is drawn at (charts in closed details have no size)
                    + "const shown = Array.from(f.contentDocument.querySelectorAll('svg.chart')).filter(c => c.getBoundingClientRect().width > 0); "
                    + "const scale = Math.min(...shown.map(c => c.getBoundingClientRect().width / c.viewBox.baseVal.width)); "
                    + "document.title = 'width ' + page.scrollWidth + ' of ' + f.contentWindow.innerWidth + ' gains ' + gains.scrollWidth "
                    + "+ ' of ' + gains.clientWidth + ' cards ' + cards.length + ' right ' + right + ' charts ' + shown.length "
                    + "+ ' scale ' + Math.floor(scale * 100); };</script></body></html>");
            Process chromium = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--user-data-dir=" + dir.resolve("profile-" + width), "--allow-file-access-from-files", "--enable-logging=stderr", "--v=0", "--virtual-time-budget=5000",
                    "--window-size=" + Math.max(width, 600) + ",1000", "--dump-dom", probe.toUri().toString()).redirectErrorStream(false).start();
            String dom = new String(chromium.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String log = new String(chromium.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, chromium.waitFor(), log);
            Matcher title = Pattern.compile("<title>width ([0-9]+) of ([0-9]+) gains ([0-9]+) of ([0-9]+) cards ([0-9]+) right (-?[0-9]+) "
                    + "charts ([0-9]+) scale ([0-9]+)</title>").matcher(dom);
            assertTrue(title.find(), "the probe did not run at " + width + " px: " + log);
            assertEquals(width, Integer.parseInt(title.group(2)), "the frame's width");
            assertTrue(Integer.parseInt(title.group(1)) <= Integer.parseInt(title.group(2)),
                    "the page scrolls sideways at " + width + " px: " + title.group());
            // a card per strategy and size, every one within the page, its verdicts on screen
            assertEquals(8, Integer.parseInt(title.group(5)), title.group());
            assertTrue(Integer.parseInt(title.group(6)) <= width, "a card reaches past the page at " + width + " px: " + title.group());
            // text stays legible: no shown chart is drawn below 0.85 of its full size (tick labels of 10 px stay above 8 px)
            assertTrue(Integer.parseInt(title.group(7)) >= 4, "charts shown: " + title.group());
            assertTrue(Integer.parseInt(title.group(8)) >= 84, "a chart shrinks below a legible size at " + width + " px: " + title.group());
            if (width == 1400) {
                assertTrue(Integer.parseInt(title.group(3)) <= Integer.parseInt(title.group(4)),
                        "the gain table scrolls sideways at 1400 px (its verdict and worth columns off screen): " + title.group());
            }
            assertTrue(log.lines().noneMatch(l -> l.contains(":CONSOLE(") || l.contains("Uncaught")), "console errors at " + width + " px:\n" + log);
        }
    }
}
