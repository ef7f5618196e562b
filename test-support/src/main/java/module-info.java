/** Test support shared by every module's tests: a strict JSON parser, a JSON Schema checker, fixtures. */
module warden.testsupport {
    exports warden.testsupport;
}
