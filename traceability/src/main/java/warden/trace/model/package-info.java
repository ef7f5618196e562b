/**
 * The trace engine's vocabulary: item ids and ASILs, the spec items, tags and mutants read, the
 * findings of the gates, input errors, and the configuration that says what to read and how
 * strictly to gate ({@link warden.trace.model.TraceConfig}). Immutable values, except the
 * configuration while it is assembled.
 *
 * <p>Depends on nothing but {@code java.base}; every other package of the engine may depend on it.
 */
package warden.trace.model;
