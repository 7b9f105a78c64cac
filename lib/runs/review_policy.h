#pragma once

#include <QString>

namespace pipedeck::runs {

//! Whether a send is reviewed first unless the user says otherwise: a protected ref, or a job in
//! a stage named like deploy, release or production (the places where a wrong value hurts).
bool reviewByDefault(const QString &stage, bool protectedRef);

} // namespace pipedeck::runs
