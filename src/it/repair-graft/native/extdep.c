/* A tiny external library, as a -sys crate would link one: built into OUT_DIR, found by nobody else. */
long ext_add(long a, long b) {
    return a + b;
}
