/* Deliberately fails its third check: warden exec must exit 1 with FAIL test 3. */
#include "env.h"
TEST_BEGIN
    li a0, 1
    CHECK(1, a0, 1)
    CHECK(2, a0, 1)
    CHECK(3, a0, 2)
TEST_END
