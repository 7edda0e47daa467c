package io.charter.people.scim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The filter grammar of RFC 7644 section 3.4.2.2 for the attributes Charter keeps: comparisons
 * ({@code eq ne co sw ew gt ge lt le pr}), {@code and}, {@code or}, {@code not( )}, parentheses and
 * value paths ({@code emails[type eq "work"].value eq "a@b"}). Attribute names are case-insensitive,
 * and an extension's URN prefix is dropped ({@code urn:...:enterprise:2.0:User:employeeNumber} is
 * {@code employeenumber}). Written here rather than taken from a SCIM SDK: the maintained one is
 * built on Jackson 2 and JAXB, which this Jackson 3 stack would then carry for a hundred lines.
 */
sealed interface ScimFilter {

	/** Attributes compared case-sensitively (RFC 7643: caseExact); all others ignore case. */
	Set<String> CASE_EXACT = Set.of("id", "externalid");

	/** Whether a resource matches; {@code values} answers an attribute path's values (none: empty). */
	boolean test(Function<String, List<Object>> values);

	record Compare(String path, String op, Object value) implements ScimFilter {

		@Override
		public boolean test(Function<String, List<Object>> values) {
			List<Object> present = values.apply(path).stream().filter(Objects::nonNull).toList();
			if (op.equals("pr")) {
				return !present.isEmpty();
			}
			return present.stream().anyMatch(v -> compare(v));
		}

		private boolean compare(Object actual) {
			if (value == null) {
				return op.equals("ne");
			}
			if (actual instanceof Boolean || value instanceof Boolean) {
				boolean same = Objects.equals(actual, value);
				return switch (op) {
					case "eq" -> same;
					case "ne" -> !same;
					default -> throw new ScimException.InvalidFilter("'" + op + "' does not compare booleans");
				};
			}
			boolean exact = CASE_EXACT.contains(path);
			String a = exact ? actual.toString() : actual.toString().toLowerCase(Locale.ROOT);
			String b = exact ? value.toString() : value.toString().toLowerCase(Locale.ROOT);
			return switch (op) {
				case "eq" -> a.equals(b);
				case "ne" -> !a.equals(b);
				case "co" -> a.contains(b);
				case "sw" -> a.startsWith(b);
				case "ew" -> a.endsWith(b);
				case "gt" -> a.compareTo(b) > 0;
				case "ge" -> a.compareTo(b) >= 0;
				case "lt" -> a.compareTo(b) < 0;
				case "le" -> a.compareTo(b) <= 0;
				default -> throw new ScimException.InvalidFilter("Unknown operator " + op);
			};
		}
	}

	/**
	 * {@code attr[filter]}: the inner filter over the attribute's sub-attributes. Charter keeps one
	 * value per multi-valued attribute (one work e-mail address), so "some value matches" is the
	 * inner filter on that value's sub-attributes.
	 */
	record ValuePath(String path, ScimFilter inner) implements ScimFilter {

		@Override
		public boolean test(Function<String, List<Object>> values) {
			return inner.test(sub -> values.apply(path + "." + sub));
		}
	}

	record And(ScimFilter left, ScimFilter right) implements ScimFilter {

		@Override
		public boolean test(Function<String, List<Object>> values) {
			return left.test(values) && right.test(values);
		}
	}

	record Or(ScimFilter left, ScimFilter right) implements ScimFilter {

		@Override
		public boolean test(Function<String, List<Object>> values) {
			return left.test(values) || right.test(values);
		}
	}

	record Not(ScimFilter inner) implements ScimFilter {

		@Override
		public boolean test(Function<String, List<Object>> values) {
			return !inner.test(values);
		}
	}

	/** @throws ScimException.InvalidFilter with the reason, answered as 400 {@code invalidFilter} */
	static ScimFilter parse(String text) {
		if (text == null || text.isBlank()) {
			throw new ScimException.InvalidFilter("Empty filter");
		}
		if (text.length() > 2000) {
			throw new ScimException.InvalidFilter("Filter too long");
		}
		Parser parser = new Parser(tokens(text));
		ScimFilter filter = parser.or();
		if (parser.position < parser.tokens.size()) {
			throw new ScimException.InvalidFilter("Unexpected '" + parser.tokens.get(parser.position).text + "'");
		}
		return filter;
	}

	/** An attribute path as compared: lower case, without an extension's URN. */
	static String normalisedPath(String path) {
		String p = path;
		if (p.regionMatches(true, 0, "urn:", 0, 4)) {
			int colon = p.lastIndexOf(':');
			p = p.substring(colon + 1);
		}
		return p.toLowerCase(Locale.ROOT);
	}

	/** A token: a quoted string (its value), or a word or punctuation ({@code quoted} false). */
	record Token(String text, boolean quoted) {

		boolean is(String word) {
			return !quoted && text.equalsIgnoreCase(word);
		}
	}

	private static List<Token> tokens(String text) {
		List<Token> tokens = new ArrayList<>();
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (Character.isWhitespace(c)) {
				i++;
			}
			else if (c == '(' || c == ')' || c == '[' || c == ']') {
				tokens.add(new Token(String.valueOf(c), false));
				i++;
			}
			else if (c == '"') {
				StringBuilder value = new StringBuilder();
				i++;
				while (true) {
					if (i >= text.length()) {
						throw new ScimException.InvalidFilter("Unterminated string");
					}
					char d = text.charAt(i++);
					if (d == '"') {
						break;
					}
					if (d == '\\') {
						if (i >= text.length()) {
							throw new ScimException.InvalidFilter("Unterminated string");
						}
						char e = text.charAt(i++);
						switch (e) {
							case 'n' -> value.append('\n');
							case 't' -> value.append('\t');
							case 'r' -> value.append('\r');
							case 'b' -> value.append('\b');
							case 'f' -> value.append('\f');
							case 'u' -> {
								if (i + 4 > text.length()) {
									throw new ScimException.InvalidFilter("Bad escape");
								}
								try {
									value.append((char) Integer.parseInt(text.substring(i, i + 4), 16));
								}
								catch (NumberFormatException bad) {
									throw new ScimException.InvalidFilter("Bad escape");
								}
								i += 4;
							}
							default -> value.append(e);
						}
					}
					else {
						value.append(d);
					}
				}
				tokens.add(new Token(value.toString(), true));
			}
			else {
				int start = i;
				while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && "()[]\"".indexOf(text.charAt(i)) < 0) {
					i++;
				}
				tokens.add(new Token(text.substring(start, i), false));
			}
		}
		return tokens;
	}

	final class Parser {

		private static final Set<String> OPERATORS = Set.of("eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le");

		private final List<Token> tokens;
		private int position;

		private Parser(List<Token> tokens) {
			this.tokens = tokens;
		}

		private ScimFilter or() {
			ScimFilter left = and();
			while (peekIs("or")) {
				position++;
				left = new Or(left, and());
			}
			return left;
		}

		private ScimFilter and() {
			ScimFilter left = unary();
			while (peekIs("and")) {
				position++;
				left = new And(left, unary());
			}
			return left;
		}

		private ScimFilter unary() {
			if (peekIs("not")) {
				position++;
				expect("(");
				ScimFilter inner = or();
				expect(")");
				return new Not(inner);
			}
			if (peekIs("(")) {
				position++;
				ScimFilter inner = or();
				expect(")");
				return inner;
			}
			return attribute();
		}

		private ScimFilter attribute() {
			Token name = next("an attribute");
			if (name.quoted || !name.text.matches("[A-Za-z][A-Za-z0-9_:.$-]*")) {
				throw new ScimException.InvalidFilter("Expected an attribute, not '" + name.text + "'");
			}
			String path = normalisedPath(name.text);
			if (peekIs("[")) {
				position++;
				ScimFilter inner = or();
				expect("]");
				ScimFilter valuePath = new ValuePath(path, inner);
				// emails[type eq "work"].value eq "..." : the ']' is followed by the sub-attribute.
				if (position < tokens.size() && !tokens.get(position).quoted && tokens.get(position).text.startsWith(".")) {
					String sub = tokens.get(position++).text.substring(1);
					return new And(valuePath, comparison(path + "." + normalisedPath(sub)));
				}
				return valuePath;
			}
			return comparison(path);
		}

		private ScimFilter comparison(String path) {
			Token op = next("an operator");
			String operator = op.text.toLowerCase(Locale.ROOT);
			if (!op.quoted && operator.equals("pr")) {
				return new Compare(path, "pr", null);
			}
			if (op.quoted || !OPERATORS.contains(operator)) {
				throw new ScimException.InvalidFilter("Unknown operator '" + op.text + "'");
			}
			Token value = next("a value");
			return new Compare(path, operator, value(value));
		}

		private static Object value(Token token) {
			if (token.quoted) {
				return token.text;
			}
			String t = token.text.toLowerCase(Locale.ROOT);
			return switch (t) {
				case "true" -> Boolean.TRUE;
				case "false" -> Boolean.FALSE;
				case "null" -> null;
				default -> {
					if (!t.matches("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?")) {
						throw new ScimException.InvalidFilter("Bad value '" + token.text + "'");
					}
					yield token.text;
				}
			};
		}

		private boolean peekIs(String word) {
			return position < tokens.size() && tokens.get(position).is(word);
		}

		private void expect(String word) {
			Token t = next("'" + word + "'");
			if (!t.is(word)) {
				throw new ScimException.InvalidFilter("Expected '" + word + "', not '" + t.text + "'");
			}
		}

		private Token next(String what) {
			if (position >= tokens.size()) {
				throw new ScimException.InvalidFilter("Expected " + what + " at the end");
			}
			return tokens.get(position++);
		}
	}
}
