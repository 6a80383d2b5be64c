#pragma once

#include <QDebug>
#include <QHashFunctions>
#include <QString>

#include <optional>

namespace wagate::wa {

//! The JID servers the protocol knows. A JID's server decides how it is encoded on the wire.
namespace JidServer {
inline constexpr QLatin1StringView User{"s.whatsapp.net"};   //!< phone numbers, and the server itself
inline constexpr QLatin1StringView Lid{"lid"};               //!< hidden user ids
inline constexpr QLatin1StringView Group{"g.us"};
inline constexpr QLatin1StringView Broadcast{"broadcast"};
inline constexpr QLatin1StringView Hosted{"hosted"};
inline constexpr QLatin1StringView HostedLid{"hosted.lid"};
inline constexpr QLatin1StringView Messenger{"msgr"};        //!< encoded as FB_JID
inline constexpr QLatin1StringView Interop{"interop"};       //!< encoded as INTEROP_JID
inline constexpr QLatin1StringView Newsletter{"newsletter"};
inline constexpr QLatin1StringView Bot{"bot"};
inline constexpr QLatin1StringView LegacyUser{"c.us"};
} // namespace JidServer

//! The domain byte of an AD_JID. Other values are kept as a raw "agent" on s.whatsapp.net.
enum class JidDomain : quint8 {
    WhatsApp = 0,
    Lid = 1,
    Hosted = 128,
    HostedLid = 129,
};

//! A typed WhatsApp id: `user[.agent][:device]@server`, for interop `integrator-user:device@interop`.
//! Typed rather than a string because peers compare typed values (whatsmeow only accepts pairing
//! stanzas whose `from` is the typed server JID) and because the wire form depends on the parts.
//! A default-constructed Jid is invalid (no server).
class Jid
{
public:
    //! An invalid JID (no server); what a failed look-up gives.
    Jid() = default;
    //! A JID from its parts; no validation beyond what the encoder checks later.
    explicit Jid(QString user, QString server, quint16 device = 0);

    //! `@s.whatsapp.net`: the WhatsApp server itself, the peer of every iq.
    static Jid serverJid();
    //! `user@s.whatsapp.net` for a phone number given as digits.
    static Jid phone(const QString &number, quint16 device = 0);
    //! A JID from an AD_JID's parts: the domain byte picks the server (unknown values become a raw
    //! agent on s.whatsapp.net, as whatsmeow does).
    static Jid fromAd(const QString &user, quint8 domain, quint16 device);
    //! A messenger JID `user:device@msgr`.
    static Jid messenger(const QString &user, quint16 device);
    //! An interop JID `integrator-user:device@interop`.
    static Jid interop(const QString &user, quint16 device, quint16 integrator);

    //! Parses the forms toString() writes. Strict: exactly one '@', a non-empty server, decimal
    //! device (0..65535) and agent (0..255) without signs; a bare string without '@' is no JID.
    static std::optional<Jid> parse(QStringView text);

    //! The canonical text form, e.g. `491701234567:12@s.whatsapp.net`, `@s.whatsapp.net`; "" if invalid.
    QString toString() const;

    //! A JID needs a server; the user may be empty (the server itself).
    bool isValid() const { return !m_server.isEmpty(); }
    //! True for a server's own JID such as `@s.whatsapp.net` (empty user).
    bool isServer() const { return isValid() && m_user.isEmpty(); }

    //! The user part: phone number, LID, group id; empty for a server's own JID.
    const QString &user() const { return m_user; }
    //! The server part, e.g. "s.whatsapp.net" (see JidServer).
    const QString &server() const { return m_server; }
    //! The device index; 0 is the primary device (the phone) or "no device".
    quint16 device() const { return m_device; }
    //! The raw agent, only meaningful for AD_JIDs on s.whatsapp.net with an unknown domain byte.
    quint8 agent() const { return m_agent; }
    //! The integrator of an interop JID; 0 elsewhere.
    quint16 integrator() const { return m_integrator; }
    //! The AD_JID domain byte for this JID's server (the raw agent for other servers).
    quint8 domainType() const;

    //! This JID with another device (e.g. the phone's device 0 for a companion's JID).
    Jid withDevice(quint16 device) const;
    //! The user JID without agent and device: `user@server`.
    Jid toNonAd() const;

    //! Field-wise equality; no normalisation (c.us is not s.whatsapp.net).
    friend bool operator==(const Jid &, const Jid &) = default;

private:
    QString m_user;
    QString m_server;
    quint16 m_device = 0;
    quint16 m_integrator = 0;
    quint8 m_agent = 0;
};

//! Hashes all parts, consistent with operator==; lets Jid key a QHash/QSet.
size_t qHash(const Jid &jid, size_t seed = 0) noexcept;
//! Prints `Jid(user:device@server)`.
QDebug operator<<(QDebug debug, const Jid &jid);

} // namespace wagate::wa
