/**
 * Streaming XML reading for the report importers: {@link warden.trace.importer.xml.Xml} hands
 * each start element to a handler, read by the strict byte scanner
 * ({@link warden.trace.importer.xml.XmlScanner}, in layers: input, characters, markup, elements)
 * or, for any document the scanner does not vouch for, by the JDK's StAX reader, whose result or
 * error stands.
 *
 * <p>Depends on {@code model} (input errors) and {@code java.xml}; used by {@code importer} and
 * the engine (reading a report's bytes). Knows nothing of Surefire, PIT or JaCoCo.
 */
package warden.trace.importer.xml;
