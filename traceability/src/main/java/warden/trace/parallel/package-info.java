/**
 * Independent tasks on a fixed set of threads, each task's result or exception given back at its
 * own index, so that whoever merges the results in index order gets the same bytes as a
 * sequential run. Used to read the inputs and to write the reports.
 *
 * <p>Depends on nothing but {@code java.base}; any package of the engine may use it.
 */
package warden.trace.parallel;
