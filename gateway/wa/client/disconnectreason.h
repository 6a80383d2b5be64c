#pragma once

#include "wa/binary/node.h"

#include <QMetaType>
#include <QString>

namespace wagate::wa {

//! Why a connection attempt ended, typed so the caller can decide without parsing text.
enum class DisconnectOutcome {
    Retryable,         //!< network error, socket closed, 500/503, missed keepalive, timeouts: reconnect with back-off
    Restart,           //!< stream:error 515: reconnect now; WaConnection does this itself and never reports it
    LoggedOut,         //!< unlinked (401 device_removed, failure 401/403, logout()): wipe the credentials
    Replaced,          //!< conflict "replaced": another connection with these credentials took over
    TemporarilyBanned, //!< failure 402: the account may not connect until the ban expires
    Banned,            //!< failure 406: banned/unknown logout; the credentials are dead, wipe them
    Outdated,          //!< failure 405 (or 409 bad user agent): this client version is refused
    Rejected,          //!< any other failure reason: the server refused the login
    BadCertificate,    //!< the server's certificate chain failed a check (code names which)
    HandshakeFailed,   //!< the Noise handshake failed (malformed or undecryptable ServerHello)
    ProtocolError,     //!< a transport frame did not decrypt or decode
    FrameTooLarge,     //!< the server sent a frame above the size limit
    PairingFailed,     //!< pair-success refused (HMAC/signature) or the pairing code request was refused
    PairingExpired,    //!< every QR ref expired before a phone linked this device
    Closed,            //!< disconnectFromWhatsApp(): closed on request, credentials unchanged
};

//! A stable snake_case name, e.g. "logged_out"; for logs and API details.
const char *disconnectOutcomeName(DisconnectOutcome outcome);
//! True when the credentials can never log in again and the caller must wipe them.
bool credentialsRevoked(DisconnectOutcome outcome);

//! One attempt's end, as reported by WaConnection::disconnected().
struct DisconnectReason
{
    DisconnectOutcome outcome = DisconnectOutcome::Retryable;
    QString code;    //!< the stanza's code ("503", "device_removed", "402"…) or a local cause ("keepalive_timeout")
    QString message; //!< one human-readable sentence
    qint64 banExpiresAtMs = 0; //!< TemporarilyBanned: when the ban ends (ms since the epoch), 0 if unknown

    //! Maps a `<stream:error>` (PROTOCOL.md §7): 515 → Restart, conflict device_removed or code 401 →
    //! LoggedOut, conflict replaced → Replaced, everything else (503, 500, unknown) → Retryable.
    static DisconnectReason fromStreamError(const Node &streamError);
    //! Maps a `<failure reason=…>` after the handshake: 401/403 → LoggedOut, 406 → Banned,
    //! 402 → TemporarilyBanned (expiry from `expire` seconds after `nowMs`), 405/409 → Outdated,
    //! 500/503 → Retryable, other → Rejected.
    static DisconnectReason fromFailure(const Node &failure, qint64 nowMs);
};

} // namespace wagate::wa

Q_DECLARE_METATYPE(wagate::wa::DisconnectOutcome)
Q_DECLARE_METATYPE(wagate::wa::DisconnectReason)
