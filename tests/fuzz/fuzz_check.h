#pragma once

// What a fuzz target does when a promise is broken: say which, then abort so libFuzzer keeps
// the input.
#include <cstdio>
#include <cstdlib>

namespace pipedeck::fuzz {

inline void check(bool condition, const char *target, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "%s: %s\n", target, what);
        std::abort();
    }
}

} // namespace pipedeck::fuzz
