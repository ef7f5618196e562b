/**
 * What the modules' tests share: {@link warden.testsupport.StrictJson} (a strict JSON parser),
 * {@link warden.testsupport.JsonSchema} (a checker for the subset of JSON Schema the project's
 * schemas use, refusing keywords it does not know) and {@link warden.testsupport.JsonFixtures}
 * (JSON files and class-path resources, read and parsed or the test fails naming the file).
 * Depends on {@code java.base} only, nothing of Warden; any module may use it, at test scope only.
 */
package warden.testsupport;
