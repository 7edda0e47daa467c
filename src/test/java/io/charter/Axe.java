package io.charter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.openqa.selenium.JavascriptExecutor;

/**
 * axe-core, the accessibility checker, run in the page a browser test has open: the WCAG 2.0 and
 * 2.1 A and AA rules and axe's best practices. The script is axe.min.js from the
 * com.deque.html.axe-core test dependency, given to the page through the driver, so that no page's
 * Content-Security-Policy has to allow it.
 */
public final class Axe {

	private static final String SOURCE = load();

	private Axe() {
	}

	/** The violations in the whole page. */
	public static List<String> violations(JavascriptExecutor page) {
		return violations(page, null);
	}

	/**
	 * The violations inside the element the selector names (the whole page when null), one line
	 * each: the rule's id and help, then the target of every offending node.
	 */
	public static List<String> violations(JavascriptExecutor page, String include) {
		return run(page, include, "{type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}");
	}

	/**
	 * Only the rules whose outcome the window's width can change (a region that scrolls, a target
	 * that shrinks, text laid over another colour): the page's second width needs no more.
	 */
	public static List<String> layoutViolations(JavascriptExecutor page) {
		return run(page, null, "{type: 'rule', values: ['scrollable-region-focusable', 'target-size', 'color-contrast',"
				+ " 'meta-viewport', 'region']}");
	}

	/**
	 * Only violations are read, so axe is told so (resultTypes): it then keeps one node, not all,
	 * of each passed or incomplete rule, which is most of its time on a long page.
	 */
	@SuppressWarnings("unchecked")
	private static List<String> run(JavascriptExecutor page, String include, String rules) {
		// Loaded once per document: a second run in the same page (another width) reuses it.
		if (!Boolean.TRUE.equals(page.executeScript("return typeof axe === 'object'"))) {
			page.executeScript(SOURCE);
		}
		return (List<String>) page.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				axe.run(arguments[0] ? {include: [[arguments[0]]]} : document, {runOnly: RULES, resultTypes: ['violations']})
				  .then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' ' + v.nodes.map(n => n.target.join(' ')).join(' | '))))
				  .catch(e => done(['axe failed: ' + e]));""".replace("RULES", rules), include);
	}

	private static String load() {
		try (InputStream in = Axe.class.getResourceAsStream("/axe.min.js")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
