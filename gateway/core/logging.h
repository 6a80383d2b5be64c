#pragma once

#include <QLoggingCategory>

//! Every logging category of the project, in one place. Never log secrets, tokens, keys or QR contents.
Q_DECLARE_LOGGING_CATEGORY(lcApp)
Q_DECLARE_LOGGING_CATEGORY(lcStore)
Q_DECLARE_LOGGING_CATEGORY(lcApi)
Q_DECLARE_LOGGING_CATEGORY(lcAuth)
Q_DECLARE_LOGGING_CATEGORY(lcEngine)
Q_DECLARE_LOGGING_CATEGORY(lcWa)
Q_DECLARE_LOGGING_CATEGORY(lcWaNoise)
Q_DECLARE_LOGGING_CATEGORY(lcWaNode)
Q_DECLARE_LOGGING_CATEGORY(lcUi)
