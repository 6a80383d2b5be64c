#include "wasimjson.h"

#include "phone.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QRegularExpression>

#include <array>
#include <utility>

namespace wagate::wasim::json {

namespace {

QString b64(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toBase64());
}

constexpr std::array<std::pair<CertificateFault, const char *>, 6> kCertificateFaults{{
    {CertificateFault::None, "none"},
    {CertificateFault::BadSignature, "bad-signature"},
    {CertificateFault::BadLeafSignature, "bad-leaf-signature"},
    {CertificateFault::Expired, "expired"},
    {CertificateFault::NotYetValid, "not-yet-valid"},
    {CertificateFault::WrongLeafKey, "wrong-leaf-key"},
}};

constexpr std::array<std::pair<PairingFault, const char *>, 3> kPairingFaults{{
    {PairingFault::None, "none"},
    {PairingFault::HmacMismatch, "hmac-mismatch"},
    {PairingFault::BadAccountSignature, "bad-account-signature"},
}};

Error badField(const QString &field, const QString &message)
{
    return Error::invalidArgument(QStringLiteral("%1: %2").arg(field, message), field);
}

//! An integer in [min, max] (JSON numbers are doubles: refuse fractions and huge values).
Result<int> intField(const QJsonValue &value, const QString &field, int min, int max)
{
    if (!value.isDouble())
        return badField(field, QStringLiteral("must be an integer"));
    const double d = value.toDouble();
    if (d != double(qint64(d)) || d < min || d > max)
        return badField(field, QStringLiteral("must be an integer from %1 to %2").arg(min).arg(max));
    return int(d);
}

Result<bool> boolField(const QJsonValue &value, const QString &field)
{
    if (!value.isBool())
        return badField(field, QStringLiteral("must be true or false"));
    return value.toBool();
}

} // namespace

QString certificateFaultName(CertificateFault fault)
{
    for (const auto &[f, name] : kCertificateFaults)
        if (f == fault)
            return QString::fromLatin1(name);
    return QStringLiteral("none");
}

std::optional<CertificateFault> certificateFaultFromName(const QString &name)
{
    for (const auto &[f, n] : kCertificateFaults)
        if (name == QLatin1String(n))
            return f;
    return std::nullopt;
}

QString pairingFaultName(PairingFault fault)
{
    for (const auto &[f, name] : kPairingFaults)
        if (f == fault)
            return QString::fromLatin1(name);
    return QStringLiteral("none");
}

std::optional<PairingFault> pairingFaultFromName(const QString &name)
{
    for (const auto &[f, n] : kPairingFaults)
        if (name == QLatin1String(n))
            return f;
    return std::nullopt;
}

QJsonObject toJson(const PhoneInfo &phone)
{
    return {{QStringLiteral("phoneNumber"), phone.number},
            {QStringLiteral("pushName"), phone.pushName},
            {QStringLiteral("business"), phone.business},
            {QStringLiteral("lid"), phone.lid},
            {QStringLiteral("identityKey"), b64(phone.identityKey)}};
}

QJsonObject toJson(const DeviceInfo &device)
{
    QJsonObject o{{QStringLiteral("phoneNumber"), device.phone},
                  {QStringLiteral("device"), int(device.device)},
                  {QStringLiteral("jid"), device.jid.toString()},
                  {QStringLiteral("lid"), device.lid.toString()},
                  {QStringLiteral("noiseKey"), b64(device.noiseKey)},
                  {QStringLiteral("platform"), device.platform},
                  {QStringLiteral("displayName"), device.displayName},
                  {QStringLiteral("linkedAt"), device.linkedAt},
                  {QStringLiteral("online"), device.online}};
    if (!device.identityKey.isEmpty())
        o.insert(QStringLiteral("identityKey"), b64(device.identityKey));
    return o;
}

QJsonObject toJson(const ConnectionInfo &connection)
{
    QJsonObject o{{QStringLiteral("id"), QString::number(connection.id)},
                  {QStringLiteral("state"), connection.state},
                  {QStringLiteral("openedAt"), connection.openedAt}};
    if (connection.device.isValid())
        o.insert(QStringLiteral("device"), connection.device.toString());
    return o;
}

QJsonObject toJson(const Stats &stats)
{
    return {{QStringLiteral("connections"), stats.connections},
            {QStringLiteral("handshakes"), stats.handshakes},
            {QStringLiteral("logins"), stats.logins},
            {QStringLiteral("pairings"), stats.pairings},
            {QStringLiteral("duplicateLogins"), stats.duplicateLogins},
            {QStringLiteral("loggedIn"), stats.loggedIn},
            {QStringLiteral("refusedLogins"), stats.refusedLogins},
            {QStringLiteral("pings"), stats.pings},
            {QStringLiteral("messagesRouted"), stats.messagesRouted},
            {QStringLiteral("messagesDelivered"), stats.messagesDelivered},
            {QStringLiteral("offlineQueued"), stats.offlineQueued},
            {QStringLiteral("acks"), stats.acks},
            {QStringLiteral("receipts"), stats.receipts},
            {QStringLiteral("duplicateDeliveries"), stats.duplicateDeliveries},
            {QStringLiteral("retryDeliveries"), stats.retryDeliveries},
            {QStringLiteral("peerPreKeyMessages"), stats.peerPreKeyMessages},
            {QStringLiteral("peerMessages"), stats.peerMessages},
            {QStringLiteral("contactQueries"), stats.contactQueries}};
}

QJsonObject toJson(const Faults &f)
{
    return {{QStringLiteral("certificate"), certificateFaultName(f.certificate)},
            {QStringLiteral("refs"), f.refs},
            {QStringLiteral("firstRefMs"), f.firstRefMs},
            {QStringLiteral("refMs"), f.refMs},
            {QStringLiteral("pairing"), pairingFaultName(f.pairing)},
            {QStringLiteral("loginFailure"), f.loginFailure},
            {QStringLiteral("loginFailureCount"), f.loginFailureCount},
            {QStringLiteral("minClientVersion"), f.minClientVersion},
            {QStringLiteral("pingDelayMs"), f.pingDelayMs},
            {QStringLiteral("dropPings"), f.dropPings},
            {QStringLiteral("splitFrames"), f.splitFrames},
            {QStringLiteral("coalesceFrames"), f.coalesceFrames},
            {QStringLiteral("coalesceWindowMs"), f.coalesceWindowMs},
            {QStringLiteral("compress"), f.compress},
            {QStringLiteral("withholdAcks"), f.withholdAcks},
            {QStringLiteral("messageAckError"), f.messageAckError},
            {QStringLiteral("messageAckErrorCount"), f.messageAckErrorCount},
            {QStringLiteral("duplicateDeliveries"), f.duplicateDeliveries},
            {QStringLiteral("lidAddressing"), f.lidAddressing}};
}

QJsonObject toJson(const PhoneMessage &m)
{
    return {{QStringLiteral("id"), m.id},
            {QStringLiteral("from"), m.from.toString()},
            {QStringLiteral("fromLid"), m.fromLid.toString()},
            {QStringLiteral("chat"), m.chat.toString()},
            {QStringLiteral("fromMe"), m.fromMe},
            {QStringLiteral("text"), m.text},
            {QStringLiteral("type"), m.type},
            {QStringLiteral("at"), m.at},
            {QStringLiteral("read"), m.read}};
}

QJsonObject toJson(const PhoneSentMessage &m)
{
    QStringList delivered(m.delivered.cbegin(), m.delivered.cend());
    QStringList read(m.read.cbegin(), m.read.cend());
    delivered.sort();
    read.sort();
    int retries = 0;
    for (int n : m.retries)
        retries += n;
    return {{QStringLiteral("id"), m.id},
            {QStringLiteral("to"), m.chat.toString()},
            {QStringLiteral("at"), m.t * 1000},
            {QStringLiteral("deliveredTo"), QJsonArray::fromStringList(delivered)},
            {QStringLiteral("readBy"), QJsonArray::fromStringList(read)},
            {QStringLiteral("retries"), retries}};
}

Result<Faults> applyFaults(const QJsonObject &object, Faults f)
{
    constexpr int kMaxMs = 3600000;
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString key = it.key();
        const QJsonValue v = it.value();
        auto setInt = [&](int &target, int min, int max) -> std::optional<Error> {
            const auto r = intField(v, key, min, max);
            if (!r)
                return r.error();
            target = *r;
            return std::nullopt;
        };
        auto setBool = [&](bool &target) -> std::optional<Error> {
            const auto r = boolField(v, key);
            if (!r)
                return r.error();
            target = *r;
            return std::nullopt;
        };
        std::optional<Error> error;
        if (key == QLatin1String("certificate")) {
            const auto fault = v.isString() ? certificateFaultFromName(v.toString()) : std::nullopt;
            if (!fault)
                error = badField(key, QStringLiteral("must be one of none, bad-signature, bad-leaf-signature, "
                                                     "expired, not-yet-valid, wrong-leaf-key"));
            else
                f.certificate = *fault;
        } else if (key == QLatin1String("pairing")) {
            const auto fault = v.isString() ? pairingFaultFromName(v.toString()) : std::nullopt;
            if (!fault)
                error = badField(key, QStringLiteral("must be one of none, hmac-mismatch, bad-account-signature"));
            else
                f.pairing = *fault;
        } else if (key == QLatin1String("refs")) {
            error = setInt(f.refs, 1, 64);
        } else if (key == QLatin1String("firstRefMs")) {
            error = setInt(f.firstRefMs, 0, kMaxMs);
        } else if (key == QLatin1String("refMs")) {
            error = setInt(f.refMs, 0, kMaxMs);
        } else if (key == QLatin1String("loginFailure")) {
            error = setInt(f.loginFailure, 0, 599);
            if (!error && f.loginFailure != 0 && f.loginFailure < 400)
                error = badField(key, QStringLiteral("must be 0 (none) or a reason from 400 to 599"));
        } else if (key == QLatin1String("minClientVersion")) {
            static const QRegularExpression version(QStringLiteral("^([0-9]+\\.[0-9]+\\.[0-9]+)?$"));
            if (!v.isString() || !version.match(v.toString()).hasMatch())
                error = badField(key, QStringLiteral("must be \"\" or three numbers like 2.3000.1045649367"));
            else
                f.minClientVersion = v.toString();
        } else if (key == QLatin1String("loginFailureCount")) {
            error = setInt(f.loginFailureCount, -1, 1000000);
        } else if (key == QLatin1String("pingDelayMs")) {
            error = setInt(f.pingDelayMs, 0, kMaxMs);
        } else if (key == QLatin1String("dropPings")) {
            error = setBool(f.dropPings);
        } else if (key == QLatin1String("splitFrames")) {
            error = setInt(f.splitFrames, 0, 1 << 20);
        } else if (key == QLatin1String("coalesceFrames")) {
            error = setBool(f.coalesceFrames);
        } else if (key == QLatin1String("coalesceWindowMs")) {
            error = setInt(f.coalesceWindowMs, 0, 10000);
        } else if (key == QLatin1String("compress")) {
            error = setBool(f.compress);
        } else if (key == QLatin1String("withholdAcks")) {
            error = setBool(f.withholdAcks);
        } else if (key == QLatin1String("messageAckError")) {
            error = setInt(f.messageAckError, 0, 999);
        } else if (key == QLatin1String("messageAckErrorCount")) {
            error = setInt(f.messageAckErrorCount, -1, 1000000);
        } else if (key == QLatin1String("duplicateDeliveries")) {
            error = setBool(f.duplicateDeliveries);
        } else if (key == QLatin1String("lidAddressing")) {
            error = setBool(f.lidAddressing);
        } else {
            error = badField(key, QStringLiteral("unknown field"));
        }
        if (error)
            return *error;
    }
    return f;
}

} // namespace wagate::wasim::json
