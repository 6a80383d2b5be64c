#include "problemadvice.h"


namespace wagate {

namespace {

bool isOneOf(const QString &code, std::initializer_list<const char *> codes)
{
    for (const char *c : codes)
        if (code == QLatin1String(c))
            return true;
    return false;
}

} // namespace

QString ProblemAdvice::actionText() const
{
    switch (action) {
    case Action::Link: return tr("Link a number…");
    case Action::Start: return tone == Tone::Problem ? tr("Try again") : tr("Start");
    case Action::None: break;
    }
    return {};
}

ProblemAdvice ProblemAdvice::forSession(const SessionInfo &s)
{
    ProblemAdvice a;
    const QString code = s.lastError ? s.lastError->code : QString();
    if (s.lastError) {
        a.detail = s.lastError->message;
        if (!code.isEmpty())
            a.detail += QStringLiteral(" (%1)").arg(code);
    }

    switch (s.status) {
    case SessionStatus::Failed:
        a.tone = Tone::Problem;
        a.action = s.hasNumber() ? Action::Start : Action::Link;
        if (code == QLatin1String("replaced")) {
            a.what = tr("Another connection took over this number.");
            a.toDo = tr("Make sure only one gateway uses this number, then try again.");
        } else if (isOneOf(code, {"402", "temporarily_banned"})) {
            a.what = tr("WhatsApp has banned this number for a while.");
            a.toDo = tr("Wait until the ban ends (see the details), then try again.");
        } else if (isOneOf(code, {"store_write_failed", "credentials_unsealed"})) {
            a.what = code == QLatin1String("store_write_failed")
                         ? tr("Wagate could not record this number's state, so it disconnected it.")
                         : tr("Wagate could not keep this number's new keys safe, so it disconnected it.");
            a.toDo = tr("Ask your administrator to check the gateway's storage, then try again.");
        } else if (isOneOf(code, {"406", "banned"})) {
            a.what = tr("WhatsApp has banned or logged out this number.");
            a.toDo = tr("Check WhatsApp on the phone. If the number still works there, link it again.");
            a.action = Action::Link;
        } else if (isOneOf(code, {"405", "409", "client_outdated"})) {
            a.what = tr("WhatsApp refused this version of Wagate as too old.");
            a.toDo = tr("Ask your administrator to set the current WhatsApp Web version (--wa-version) or update Wagate, then try again.");
        } else if (code.startsWith(QLatin1String("cert")) || code.contains(QLatin1String("certificate"))
                   || code.contains(QLatin1String("handshake")) || code.contains(QLatin1String("hello"))) {
            a.what = tr("The server did not prove that it is WhatsApp.");
            a.toDo = tr("A proxy or firewall may be in the way. Check the network, then try again.");
        } else if (isOneOf(code, {"network_error", "connect_timeout", "login_timeout", "socket_closed",
                                  "keepalive_timeout", "stream_end", "500", "503", "restart_loop"})) {
            a.what = tr("Wagate could not reach WhatsApp, even after several tries.");
            a.toDo = tr("Check this computer's internet connection, then try again.");
        } else {
            a.what = tr("Wagate gave up connecting this number.");
            a.toDo = tr("Try again. If it keeps failing, send the details below to your administrator.");
        }
        return a;

    case SessionStatus::LoggedOut:
        a.tone = Tone::Problem;
        a.action = Action::Link;
        if (isOneOf(code, {"device_removed", "401", "403", "invalid_credentials"}) || code.isEmpty()) {
            a.what = tr("The phone unlinked this device.");
            a.toDo = tr("Link the number again.");
        } else if (code == QLatin1String("user_initiated")) {
            a.what = tr("This number was logged out from Wagate.");
            a.toDo = tr("Link the number again to use it.");
        } else {
            a.what = tr("WhatsApp logged this device out.");
            a.toDo = tr("Link the number again.");
        }
        return a;

    case SessionStatus::Unpaired:
        a.action = Action::Link;
        if (!s.lastError) {
            a.what = tr("No WhatsApp number is linked to this session yet.");
            a.toDo = tr("Link a number with a QR code or a pairing code.");
            return a;
        }
        a.tone = Tone::Problem;
        if (code == QLatin1String("qr_expired")) {
            a.what = tr("The QR codes ran out before the phone scanned one.");
            a.toDo = tr("Link the number again and scan the code with the phone right away.");
        } else if (code == QLatin1String("pairing_code_expired")) {
            a.what = tr("The pairing code ran out before it was typed on the phone.");
            a.toDo = tr("Link the number again and type the new code on the phone right away.");
        } else if (code == QLatin1String("pairing_code_rejected")) {
            a.what = tr("The phone did not accept the pairing code.");
            a.toDo = tr("Check the phone number, then link again.");
        } else if (code == QLatin1String("multidevice_not_supported")) {
            a.what = tr("This WhatsApp account cannot link other devices.");
            a.toDo = tr("Update WhatsApp on the phone, then link again.");
        } else {
            a.what = tr("Linking did not finish.");
            a.toDo = tr("Link the number again.");
        }
        return a;

    case SessionStatus::Reconnecting:
        if (code == QLatin1String("temporarily_banned")) {
            a.what = tr("WhatsApp has banned this number for a while.");
            a.toDo = tr("Nothing to do: Wagate connects it again by itself when the ban ends (see the details).");
            return a;
        }
        a.what = tr("The connection dropped. Wagate is reconnecting by itself.");
        a.toDo = tr("Nothing to do now. If this lasts for minutes, check the internet connection.");
        return a;

    case SessionStatus::Stopped:
        a.action = Action::Start;
        a.what = tr("This number is linked but not connected.");
        a.toDo = tr("Start it to send and receive messages.");
        return a;

    case SessionStatus::Starting:
    case SessionStatus::ScanQrCode:
    case SessionStatus::PairingCode:
    case SessionStatus::Working:
        break;
    }
    return {};
}

} // namespace wagate
