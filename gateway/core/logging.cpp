#include "logging.h"

Q_LOGGING_CATEGORY(lcApp, "wagate.app", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "wagate.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcApi, "wagate.api", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAuth, "wagate.auth", QtInfoMsg)
Q_LOGGING_CATEGORY(lcEngine, "wagate.engine", QtInfoMsg)
Q_LOGGING_CATEGORY(lcWa, "wagate.wa", QtInfoMsg)
Q_LOGGING_CATEGORY(lcWaNoise, "wagate.wa.noise", QtInfoMsg)
Q_LOGGING_CATEGORY(lcWaNode, "wagate.wa.node", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUi, "wagate.ui", QtInfoMsg)
