package cspjob.batch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A script template from this module's resources, with {@code @name@} placeholders (not
 * {@code ${name}}, which the shell itself uses). A line that holds nothing but a placeholder whose
 * value is empty is left out, so optional directives leave no blank line among the directives.
 */
final class Template {
    private static final Pattern PLACEHOLDER = Pattern.compile("@([a-z_]+)@");

    private final String resource;
    private final String text;

    private Template(String resource, String text) {
        this.resource = resource;
        this.text = text;
    }

    static Template load(String resource) {
        try (InputStream in = Template.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the template " + resource + " is missing from cspjob's pbs-templates jar; rebuild cspjob");
            }
            return new Template(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the template " + resource, e);
        }
    }

    /** The text with every placeholder replaced; a placeholder without a value is an error naming it. */
    String fill(Map<String, String> values) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            Matcher whole = PLACEHOLDER.matcher(line);
            if (whole.matches() && value(values, whole.group(1)).isEmpty()) {
                continue;
            }
            out.append(PLACEHOLDER.matcher(line).replaceAll(m -> Matcher.quoteReplacement(value(values, m.group(1))))).append('\n');
        }
        return out.substring(0, out.length() - 1);
    }

    private String value(Map<String, String> values, String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalStateException("the template " + resource + " uses @" + name + "@, which cspjob does not fill in");
        }
        return value;
    }
}
