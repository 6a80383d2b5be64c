#include "wasimlogging.h"

namespace wagate::wasim {

Q_LOGGING_CATEGORY(lcWasim, "wasim.server", QtInfoMsg)
Q_LOGGING_CATEGORY(lcWasimConn, "wasim.connection", QtInfoMsg)
Q_LOGGING_CATEGORY(lcWasimPairing, "wasim.pairing", QtInfoMsg)
Q_LOGGING_CATEGORY(lcWasimControl, "wasim.control", QtInfoMsg)
Q_LOGGING_CATEGORY(lcWasimCompanion, "wasim.companion", QtInfoMsg)

} // namespace wagate::wasim
