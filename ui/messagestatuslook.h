#pragma once

#include "core/consoleviews.h"
#include "core/messageinfo.h"

#include <QColor>
#include <QCoreApplication>
#include <QIcon>
#include <QString>

namespace wagate {

//! How a message's status meets the eye: a word and a shape of its own for each status (○ queued,
//! ◐ sending, ✓ sent, ✓✓ delivered, ✓✓ on a filled disc for read, ✕ failed, ⊘ canceled, ↓ received),
//! with colour only as a second cue. And WhatsApp's refusals and pauses in plain words.
class MessageStatusLook
{
    Q_DECLARE_TR_FUNCTIONS(MessageStatusLook)
public:
    static QString words(MessageStatus status);
    //! One sentence for a tooltip: what the status means.
    static QString explanation(MessageStatus status);
    static QColor color(MessageStatus status);
    static QIcon icon(MessageStatus status);

    //! "To +62 811-0000-1111" / "From …": the other party, formatted to read.
    static QString chatText(const MessageInfo &message);
    //! Why a message failed, for the person who sent it ("This number is not on WhatsApp.").
    static QString errorText(const MessageError &error);
    //! Why WhatsApp paused the outbox ("WhatsApp limited new chats (463)").
    static QString pauseReasonText(const QString &reason);
};

} // namespace wagate
