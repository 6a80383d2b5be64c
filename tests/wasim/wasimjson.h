#pragma once

#include "wasimtypes.h"

#include "core/result.h"

#include <QJsonObject>

namespace wagate::wasim::json {

//! JSON forms of the simulator's values, for the control API. Keys are base64 (standard).
QJsonObject toJson(const PhoneInfo &phone);
QJsonObject toJson(const DeviceInfo &device);
QJsonObject toJson(const ConnectionInfo &connection);
QJsonObject toJson(const Stats &stats);
QJsonObject toJson(const Faults &faults);
//! {"id", "from", "fromLid", "chat", "fromMe", "text", "type", "at", "read"}
QJsonObject toJson(const PhoneMessage &message);
//! {"id", "to", "at", "deliveredTo": [device JIDs], "readBy": [device JIDs], "retries"}
QJsonObject toJson(const PhoneSentMessage &message);

//! Applies the fields present in `object` to `base`; unknown fields, wrong types and values out of
//! range are invalid_argument naming the field.
Result<Faults> applyFaults(const QJsonObject &object, Faults base);

//! "none", "bad-signature", … and back; nullopt for an unknown name.
QString certificateFaultName(CertificateFault fault);
std::optional<CertificateFault> certificateFaultFromName(const QString &name);
QString pairingFaultName(PairingFault fault);
std::optional<PairingFault> pairingFaultFromName(const QString &name);

} // namespace wagate::wasim::json
