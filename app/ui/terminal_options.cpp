#include "ui/terminal_options.h"

#include <cstring>
#include <initializer_list>

namespace pipedeck {

bool printsAndQuits(int argc, const char *const *argv)
{
    for (int i = 1; i < argc; ++i) {
        for (const char *option : {"-h", "--help", "--help-all", "-v", "--version"}) {
            if (std::strcmp(argv[i], option) == 0)
                return true;
        }
    }
    return false;
}

} // namespace pipedeck
