#pragma once

namespace pipedeck {

//! True when the command line asks only for text on the terminal (--help, --help-all,
//! --version and their short forms): such a run needs no display, so it must not fail for want
//! of one (man pages are written from --help on build machines without any).
bool printsAndQuits(int argc, const char *const *argv);

} // namespace pipedeck
