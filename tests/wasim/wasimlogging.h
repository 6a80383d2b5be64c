#pragma once

#include <QLoggingCategory>

namespace wagate::wasim {

//! wasim's own logging categories (the simulator is not part of the gateway, so it keeps its own
//! ids). Never log keys, QR contents or pairing codes.
Q_DECLARE_LOGGING_CATEGORY(lcWasim)          //!< "wasim.server": listening, phones, stats
Q_DECLARE_LOGGING_CATEGORY(lcWasimConn)      //!< "wasim.connection": one WebSocket's protocol steps
Q_DECLARE_LOGGING_CATEGORY(lcWasimPairing)   //!< "wasim.pairing": QR and pairing-code flows
Q_DECLARE_LOGGING_CATEGORY(lcWasimControl)   //!< "wasim.control": the HTTP control API
Q_DECLARE_LOGGING_CATEGORY(lcWasimCompanion) //!< "wasim.companion": the test/bench client side

} // namespace wagate::wasim
