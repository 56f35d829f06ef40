package cspjob.results.report;

import cspjob.results.Series;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.Tick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.w3c.dom.Document;

/**
 * Draws a {@link ChartLines} as an SVG line chart with JFreeChart, written by Apache Batik's SVG
 * generator: lines with a
 * marker at each measured point, SI-prefixed axis numbers, powers of ten on a log axis, and the text
 * kept as SVG text (so labels stay searchable and sharp).
 */
final class SvgChart {
    static final int WIDTH = 720;
    static final int HEIGHT = 450;
    /** Okabe and Ito's colours, told apart by colour-blind readers too (JFreeChart's default has yellow on white). */
    private static final Color[] PALETTE = {new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
        new Color(0xCC79A7), new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000), new Color(0xF0E442)};

    static {
        // Charts are drawn off screen: never open a display, even where DISPLAY is set.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        // JFreeChart draws rotated text (the y axis label) as a TextLayout by default, a workaround for
        // an old JDK bug that SVG generators can only write as glyph outlines; drawString keeps it text.
        TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    private SvgChart() {
    }

    /** Writes the chart to {@code file}. Points a log axis cannot show (zero or below) are left out. */
    static void write(ChartLines chart, Path file) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Map.Entry<String, List<Series.Point>> line : chart.lines().entrySet()) {
            XYSeries series = new XYSeries(line.getKey(), false, true);
            for (Series.Point point : line.getValue()) {
                if ((!chart.logX() || point.x() > 0) && (!chart.logY() || point.y() > 0)) {
                    series.add(point.x(), point.y());
                }
            }
            data.addSeries(series);
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            renderer.setSeriesStroke(i, new BasicStroke(2f));
            renderer.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
        }
        ValueAxis xAxis = axis(chart.xLabel(), chart.logX(), false);
        boolean wholeXs = chart.lines().values().stream().flatMap(List::stream).allMatch(p -> p.x() == Math.rint(p.x()));
        if (wholeXs && xAxis instanceof NumberAxis numbers) {
            // Runs, tokens and cores are counted: no tick at 1.5 tokens.
            numbers.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        XYPlot plot = new XYPlot(data, xAxis, axis(chart.yLabel(), chart.logY(), true), renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart jfree = new JFreeChart(chart.title(), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        jfree.setBackgroundPaint(Color.WHITE);
        LegendTitle legend = jfree.getLegend();
        legend.setPosition(RectangleEdge.BOTTOM);
        SVGGraphics2D svg = svgCanvas();
        jfree.draw(svg, new Rectangle(0, 0, WIDTH, HEIGHT));
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            svg.stream(out, true);
        } finally {
            svg.dispose();
        }
    }

    /**
     * A Batik canvas on a JDK DOM (Batik's own DOM module is not needed for writing), drawing text
     * as {@code <text>} rather than glyph outlines and naming fonts rather than embedding them.
     */
    private static SVGGraphics2D svgCanvas() {
        Document document;
        try {
            document = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML DOM builder is not available: " + e.getMessage(), e);
        }
        SVGGeneratorContext context = SVGGeneratorContext.createDefault(document);
        context.setComment("cspjob report");
        context.setEmbeddedFontsOn(false);
        SVGGraphics2D svg = new SVGGraphics2D(context, false);
        svg.setSVGCanvasSize(new Dimension(WIDTH, HEIGHT));
        return svg;
    }

    private static ValueAxis axis(String label, boolean log, boolean fromZero) {
        if (log) {
            LogAxis axis = new PlainLogAxis(label);
            axis.setBase(10);
            axis.setTickUnit(new NumberTickUnit(1));
            axis.setNumberFormatOverride(new SiNumberFormat());
            axis.setSmallestValue(1e-12);
            return axis;
        }
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(fromZero);
        axis.setNumberFormatOverride(new SiNumberFormat());
        return axis;
    }

    /**
     * A log axis whose tick labels are plain strings ({@code 1k}, {@code 1M}). JFreeChart's own are
     * attributed strings (10 with a superscript), which SVG generators draw as glyph outlines or
     * split into pieces: no whole text left in the SVG to read, search or test.
     */
    private static final class PlainLogAxis extends LogAxis {
        PlainLogAxis(String label) {
            super(label);
        }

        @Override
        @SuppressWarnings({"rawtypes", "unchecked"})
        public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
            List<Tick> plain = new ArrayList<>();
            for (Object tick : super.refreshTicks(g2, state, dataArea, edge)) {
                if (tick instanceof ValueTick value) {
                    String text = value.getTickType() == TickType.MAJOR ? SiNumberFormat.si(value.getValue()) : "";
                    plain.add(new NumberTick(value.getTickType(), value.getValue(), text,
                            value.getTextAnchor(), value.getRotationAnchor(), value.getAngle()));
                } else {
                    plain.add((Tick) tick);
                }
            }
            return plain;
        }
    }
}
