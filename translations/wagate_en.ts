<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ErrorText</name>
    <message>
        <location filename="../ui/errortext.cpp" line="26"/>
        <source>Needs the “%1” permission, which your sign-in does not have.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/errortext.cpp" line="35"/>
        <source>Your sign-in does not allow this: it lacks the “%1” permission.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/errortext.cpp" line="36"/>
        <source>Your sign-in does not allow this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/errortext.cpp" line="39"/>
        <source>Your sign-in is no longer accepted. Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/errortext.cpp" line="41"/>
        <source>This session no longer exists; someone may have deleted it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/errortext.cpp" line="43"/>
        <source>The gateway cannot do this right now: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/errortext.cpp" line="45"/>
        <source>Something went wrong inside Wagate. The log has the details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/errortext.cpp" line="47"/>
        <source>Too many attempts. Wait a moment and try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PhoneNumber</name>
    <message>
        <location filename="../ui/phonenumber.cpp" line="192"/>
        <location filename="../ui/phonenumber.cpp" line="207"/>
        <source>Type the phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/phonenumber.cpp" line="203"/>
        <source>Use only digits, spaces and dashes, with an optional + in front.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/phonenumber.cpp" line="218"/>
        <source>This looks like a number without its country: choose the country, or start with + and the country code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/phonenumber.cpp" line="230"/>
        <source>A number after the + never starts with 0. Leave out the 0, or choose the country.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/phonenumber.cpp" line="233"/>
        <source>No country calling code starts like +%1. Check the first digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/phonenumber.cpp" line="235"/>
        <source>This number is too short: %n digits with the country code.</source>
        <translation>
            <numerusform>This number is too short: %n digit with the country code.</numerusform>
            <numerusform>This number is too short: %n digits with the country code.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/phonenumber.cpp" line="237"/>
        <source>This number is too long: %n digits with the country code; at most 15.</source>
        <translation>
            <numerusform>This number is too long: %n digits with the country code; at most 15.</numerusform>
            <numerusform>This number is too long: %n digits with the country code; at most 15.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/phonenumber.cpp" line="253"/>
        <source>Numbers in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/phonenumber.cpp" line="253"/>
        <source>Numbers starting +%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/phonenumber.cpp" line="255"/>
        <source>%1 have %2 digits after +%3; this one has %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/phonenumber.cpp" line="256"/>
        <source>%1 have %2 to %3 digits after +%4; this one has %5.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProblemAdvice</name>
    <message>
        <location filename="../ui/problemadvice.cpp" line="21"/>
        <source>Link a number…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/problemadvice.cpp" line="22"/>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/problemadvice.cpp" line="22"/>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/problemadvice.cpp" line="43"/>
        <source>Another connection took over this number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/problemadvice.cpp" line="44"/>
        <source>Make sure only one gateway uses this number, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/problemadvice.cpp" line="46"/>
        <location filename="../ui/problemadvice.cpp" line="117"/>
        <source>WhatsApp has banned this number for a while.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/problemadvice.cpp" line="47"/>
        <source>Wait until the ban ends (see the details), then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/problemadvice.cpp" line="50"/>
        <source>Wagate could not record this number&apos;s state, so it disconnected it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/problemadvice.cpp" line="51"/>
        <source>Wagate could not keep this number&apos;s new keys safe, so it disconnected it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/problemadvice.cpp" line="52"/>
        <source>Ask your administrator to check the gateway&apos;s storage, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/problemadvice.cpp" line="54"/>
        <source>WhatsApp has banned or logged out this number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/problemadvice.cpp" line="55"/>
        <source>Check WhatsApp on the phone. If the number still works there, link it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/problemadvice.cpp" line="58"/>
        <source>WhatsApp refused this version of Wagate as too old.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/problemadvice.cpp" line="59"/>
        <source>Update Wagate, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/problemadvice.cpp" line="62"/>
        <source>The server did not prove that it is WhatsApp.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/problemadvice.cpp" line="63"/>
        <source>A proxy or firewall may be in the way. Check the network, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/problemadvice.cpp" line="66"/>
        <source>Wagate could not reach WhatsApp, even after several tries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/problemadvice.cpp" line="67"/>
        <source>Check this computer&apos;s internet connection, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/problemadvice.cpp" line="69"/>
        <source>Wagate gave up connecting this number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/problemadvice.cpp" line="70"/>
        <source>Try again. If it keeps failing, send the details below to your administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/problemadvice.cpp" line="78"/>
        <source>The phone unlinked this device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/problemadvice.cpp" line="79"/>
        <location filename="../ui/problemadvice.cpp" line="85"/>
        <location filename="../ui/problemadvice.cpp" line="111"/>
        <source>Link the number again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/problemadvice.cpp" line="81"/>
        <source>This number was logged out from Wagate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/problemadvice.cpp" line="82"/>
        <source>Link the number again to use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/problemadvice.cpp" line="84"/>
        <source>WhatsApp logged this device out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/problemadvice.cpp" line="92"/>
        <source>No WhatsApp number is linked to this session yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/problemadvice.cpp" line="93"/>
        <source>Link a number with a QR code or a pairing code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/problemadvice.cpp" line="98"/>
        <source>The QR codes ran out before the phone scanned one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/problemadvice.cpp" line="99"/>
        <source>Link the number again and scan the code with the phone right away.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/problemadvice.cpp" line="101"/>
        <source>The pairing code ran out before it was typed on the phone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/problemadvice.cpp" line="102"/>
        <source>Link the number again and type the new code on the phone right away.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/problemadvice.cpp" line="104"/>
        <source>The phone did not accept the pairing code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/problemadvice.cpp" line="105"/>
        <source>Check the phone number, then link again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/problemadvice.cpp" line="107"/>
        <source>This WhatsApp account cannot link other devices.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/problemadvice.cpp" line="108"/>
        <source>Update WhatsApp on the phone, then link again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/problemadvice.cpp" line="110"/>
        <source>Linking did not finish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/problemadvice.cpp" line="118"/>
        <source>Nothing to do: Wagate connects it again by itself when the ban ends (see the details).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/problemadvice.cpp" line="121"/>
        <source>The connection dropped. Wagate is reconnecting by itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/problemadvice.cpp" line="122"/>
        <source>Nothing to do now. If this lasts for minutes, check the internet connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/problemadvice.cpp" line="127"/>
        <source>This number is linked but not connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/problemadvice.cpp" line="128"/>
        <source>Start it to send and receive messages.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionStatusLook</name>
    <message>
        <location filename="../ui/sessionstatuslook.cpp" line="131"/>
        <source>Not linked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessionstatuslook.cpp" line="132"/>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessionstatuslook.cpp" line="133"/>
        <source>Starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessionstatuslook.cpp" line="134"/>
        <source>Scan the QR code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessionstatuslook.cpp" line="135"/>
        <source>Enter the code on the phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessionstatuslook.cpp" line="136"/>
        <source>Working</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessionstatuslook.cpp" line="137"/>
        <source>Reconnecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessionstatuslook.cpp" line="138"/>
        <location filename="../ui/sessionstatuslook.cpp" line="141"/>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessionstatuslook.cpp" line="139"/>
        <source>Logged out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessionstatuslook.cpp" line="147"/>
        <source>No WhatsApp number is linked yet. Use “Link a number”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessionstatuslook.cpp" line="148"/>
        <source>A number is linked but not connected. Press Start to connect it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessionstatuslook.cpp" line="149"/>
        <source>Connecting to WhatsApp.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessionstatuslook.cpp" line="150"/>
        <source>Waiting for the phone to scan the QR code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessionstatuslook.cpp" line="151"/>
        <source>Waiting for the code to be typed on the phone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessionstatuslook.cpp" line="152"/>
        <source>Connected: messages can be sent and received.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessionstatuslook.cpp" line="153"/>
        <source>The connection dropped; trying again by itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessionstatuslook.cpp" line="154"/>
        <source>Gave up connecting. The details say why; Start tries again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessionstatuslook.cpp" line="155"/>
        <source>The phone unlinked this device. Link the number again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimeText</name>
    <message>
        <location filename="../ui/timetext.cpp" line="37"/>
        <location filename="../ui/timetext.cpp" line="58"/>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/timetext.cpp" line="40"/>
        <source>just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/timetext.cpp" line="42"/>
        <source>%n min ago</source>
        <translation>
            <numerusform>%n min ago</numerusform>
            <numerusform>%n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/timetext.cpp" line="47"/>
        <source>%n h ago</source>
        <translation>
            <numerusform>%n h ago</numerusform>
            <numerusform>%n h ago</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/timetext.cpp" line="49"/>
        <source>yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/timetext.cpp" line="51"/>
        <source>%n days ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/timetext.cpp" line="67"/>
        <source>yesterday %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>wagate::BusyIndicator</name>
    <message>
        <location filename="../ui/busyindicator.cpp" line="10"/>
        <source>Working</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>wagate::ConsoleController</name>
    <message>
        <location filename="../ui/consolecontroller.cpp" line="46"/>
        <location filename="../ui/consolecontroller.cpp" line="126"/>
        <source>Wagate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/consolecontroller.cpp" line="46"/>
        <source>Another Wagate is already using %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/consolecontroller.cpp" line="48"/>
        <source>Switch to the window that is already open, or start this one with another --data-dir.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/consolecontroller.cpp" line="106"/>
        <source>You were signed out: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/consolecontroller.cpp" line="127"/>
        <source>The gateway engine stopped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/consolecontroller.cpp" line="129"/>
        <source>Sessions are not served until Wagate is restarted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>wagate::LinkNumberDialog</name>
    <message>
        <location filename="../ui/linknumberdialog.cpp" line="49"/>
        <source>Link a number to “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/linknumberdialog.cpp" line="52"/>
        <source>QR code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/linknumberdialog.cpp" line="53"/>
        <source>Phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/linknumberdialog.cpp" line="65"/>
        <source>This session was deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/linknumberdialog.cpp" line="108"/>
        <source>&lt;p&gt;On the phone:&lt;/p&gt;&lt;ol style=&quot;margin-left: 14px; -qt-list-indent: 0;&quot;&gt;&lt;li&gt;Open &lt;b&gt;WhatsApp&lt;/b&gt;&lt;/li&gt;&lt;li&gt;Go to &lt;b&gt;Settings → Linked devices&lt;/b&gt;&lt;/li&gt;&lt;li&gt;Tap &lt;b&gt;Link a device&lt;/b&gt;&lt;/li&gt;&lt;li&gt;Point the phone at this code&lt;/li&gt;&lt;/ol&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/linknumberdialog.cpp" line="123"/>
        <location filename="../ui/linknumberdialog.cpp" line="469"/>
        <location filename="../ui/linknumberdialog.cpp" line="476"/>
        <location filename="../ui/linknumberdialog.cpp" line="498"/>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/linknumberdialog.cpp" line="138"/>
        <source>WhatsApp shows a code; you type it on the phone that has the number. Type the number as you know it: with + and the country code, or as dialled in its country.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/linknumberdialog.cpp" line="144"/>
        <source>Other (type + and the country code)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/linknumberdialog.cpp" line="150"/>
        <source>e.g. +62 812-3456-7890 or 0812-3456-7890</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/linknumberdialog.cpp" line="152"/>
        <source>&amp;Country:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/linknumberdialog.cpp" line="153"/>
        <source>&amp;Phone number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/linknumberdialog.cpp" line="158"/>
        <source>Get a pairing code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/linknumberdialog.cpp" line="184"/>
        <source>&lt;p&gt;On the phone with this number:&lt;/p&gt;&lt;ol style=&quot;margin-left: 14px; -qt-list-indent: 0;&quot;&gt;&lt;li&gt;Open &lt;b&gt;WhatsApp&lt;/b&gt; → &lt;b&gt;Settings → Linked devices&lt;/b&gt;&lt;/li&gt;&lt;li&gt;Tap &lt;b&gt;Link a device&lt;/b&gt;, then &lt;b&gt;Link with phone number instead&lt;/b&gt;&lt;/li&gt;&lt;li&gt;Type the code above&lt;/li&gt;&lt;/ol&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/linknumberdialog.cpp" line="200"/>
        <source>Use another number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/linknumberdialog.cpp" line="201"/>
        <location filename="../ui/linknumberdialog.cpp" line="498"/>
        <source>Get a new code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/linknumberdialog.cpp" line="258"/>
        <source>The code goes to the phone with this number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/linknumberdialog.cpp" line="261"/>
        <source>Will use %1 (sent as %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/linknumberdialog.cpp" line="322"/>
        <source>Linking is not possible right now: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/linknumberdialog.cpp" line="326"/>
        <source>Someone asked for a pairing code for this session; it is waiting to be typed on the phone. Stop the session to start over with a QR code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/linknumberdialog.cpp" line="329"/>
        <source>This session already has a number. Log it out first to link another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/linknumberdialog.cpp" line="353"/>
        <source>This QR code cannot be shown (it is too long).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/linknumberdialog.cpp" line="366"/>
        <source>Pairing code %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/linknumberdialog.cpp" line="403"/>
        <source>Linking was stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/linknumberdialog.cpp" line="439"/>
        <source>Linked %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/linknumberdialog.cpp" line="450"/>
        <source>Connecting to WhatsApp…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/linknumberdialog.cpp" line="458"/>
        <source>Scanned — finishing on the phone…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/linknumberdialog.cpp" line="468"/>
        <source>The codes ran out before the phone scanned one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/linknumberdialog.cpp" line="483"/>
        <source>You are linking with a phone number (see the other tab).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/linknumberdialog.cpp" line="484"/>
        <source>No QR code is shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/linknumberdialog.cpp" line="485"/>
        <source>Show a QR code instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/linknumberdialog.cpp" line="507"/>
        <source>Asking WhatsApp for a code for %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/linknumberdialog.cpp" line="512"/>
        <source>Code accepted — finishing on the phone…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/linknumberdialog.cpp" line="518"/>
        <source>The code ran out before it was typed on the phone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/linknumberdialog.cpp" line="528"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/linknumberdialog.cpp" line="528"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/linknumberdialog.cpp" line="545"/>
        <source>This code changes in %n s</source>
        <translation>
            <numerusform>This code changes in %n s</numerusform>
            <numerusform>This code changes in %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/linknumberdialog.cpp" line="546"/>
        <source>This code expires in %n s</source>
        <translation>
            <numerusform>This code expires in %n s</numerusform>
            <numerusform>This code expires in %n s</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/linknumberdialog.cpp" line="548"/>
        <source>Waiting for the next code…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/linknumberdialog.cpp" line="548"/>
        <source>Waiting for WhatsApp…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>wagate::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="78"/>
        <source>The sessions could not be listed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="104"/>
        <source>engine stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="106"/>
        <source>The gateway engine stopped: %1 Restart Wagate to continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="112"/>
        <location filename="../ui/mainwindow.cpp" line="350"/>
        <source>API %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="113"/>
        <location filename="../ui/mainwindow.cpp" line="373"/>
        <source>engine OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="139"/>
        <source>New session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="143"/>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="145"/>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="147"/>
        <source>Link a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="149"/>
        <source>Log out the number…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="151"/>
        <source>Edit settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="153"/>
        <location filename="../ui/mainwindow.cpp" line="695"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="159"/>
        <source>Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="168"/>
        <source>Copy phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="172"/>
        <location filename="../ui/mainwindow.cpp" line="179"/>
        <location filename="../ui/mainwindow.cpp" line="362"/>
        <source>Copied %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="175"/>
        <source>Copy session id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="182"/>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="184"/>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="192"/>
        <location filename="../ui/mainwindow.cpp" line="263"/>
        <source>Sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="212"/>
        <source>&amp;Filter:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="214"/>
        <source>Search label or phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="217"/>
        <source>Type part of a label or of a phone number, in any formatting (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="221"/>
        <source>Status filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="222"/>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="223"/>
        <source>Needs attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="290"/>
        <source>Last connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="290"/>
        <source>yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="350"/>
        <source>API not running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="353"/>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="354"/>
        <source>Copy the API address for scripts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="393"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="397"/>
        <source>&amp;Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="403"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="417"/>
        <source>Loading sessions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="419"/>
        <source>No sessions yet.
Press “New session” to add a WhatsApp number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="420"/>
        <source>No sessions yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="422"/>
        <source>No session matches the filter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="440"/>
        <source>Wagate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="442"/>
        <source>Wagate — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="444"/>
        <source>Wagate — %1 (operator: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="510"/>
        <source>The gateway engine is not running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="513"/>
        <source>Select a session first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="515"/>
        <source>Add a session for a WhatsApp number (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="529"/>
        <source>Connect “%1” to WhatsApp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="530"/>
        <source>“%1” has no number yet: link one first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="531"/>
        <source>“%1” is already started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="532"/>
        <source>Disconnect “%1”; it stays linked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="533"/>
        <source>“%1” is not running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="534"/>
        <source>Link a WhatsApp number to “%1” by QR code or pairing code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="535"/>
        <source>“%1” already has a number. Log it out first to link another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="536"/>
        <source>Unlink the number from “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="537"/>
        <source>“%1” has no number to log out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="538"/>
        <source>Change the label and sending pace of “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="539"/>
        <source>Delete “%1” (Del)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="558"/>
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="559"/>
        <source>%n logged out</source>
        <translation>
            <numerusform>%n logged out</numerusform>
            <numerusform>%n logged out</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="560"/>
        <source>%n reconnecting</source>
        <translation>
            <numerusform>%n reconnecting</numerusform>
            <numerusform>%n reconnecting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="561"/>
        <source>%n working</source>
        <translation>
            <numerusform>%n working</numerusform>
            <numerusform>%n working</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="562"/>
        <source>%n starting</source>
        <translation>
            <numerusform>%n starting</numerusform>
            <numerusform>%n starting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="563"/>
        <source>%n waiting for a phone</source>
        <translation>
            <numerusform>%n waiting for a phone</numerusform>
            <numerusform>%n waiting for a phone</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="564"/>
        <source>%n stopped</source>
        <translation>
            <numerusform>%n stopped</numerusform>
            <numerusform>%n stopped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="565"/>
        <source>%n not linked</source>
        <translation>
            <numerusform>%n not linked</numerusform>
            <numerusform>%n not linked</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="566"/>
        <source>no sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="603"/>
        <source>Created “%1”. Link a number to it next.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="628"/>
        <source>Linked %1 to “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="642"/>
        <source>Could not start “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="654"/>
        <source>Could not stop “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="663"/>
        <source>Log out the number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="664"/>
        <source>Log out %1 from “%2”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="666"/>
        <source>The phone will no longer list this computer as a linked device. To use the number here again, link it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="668"/>
        <source>Log out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="677"/>
        <source>Could not log out “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="688"/>
        <source>Delete session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="688"/>
        <source>Delete “%1”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="692"/>
        <source>%1 is unlinked from this computer and the session&apos;s history is removed. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="694"/>
        <source>The session and its history are removed. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="706"/>
        <source>Could not delete “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="708"/>
        <source>Deleted “%1”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>wagate::MessageBar</name>
    <message>
        <location filename="../ui/messagebar.cpp" line="22"/>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/messagebar.cpp" line="23"/>
        <source>Dismiss this message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>wagate::QrCodeWidget</name>
    <message>
        <location filename="../ui/qrcodewidget.cpp" line="12"/>
        <source>QR code to scan with the phone</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>wagate::SessionDetailsPane</name>
    <message>
        <location filename="../ui/sessiondetailspane.cpp" line="42"/>
        <source>Select a session to see its status, its number and what happened to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessiondetailspane.cpp" line="78"/>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessiondetailspane.cpp" line="89"/>
        <source>Copied %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessiondetailspane.cpp" line="128"/>
        <location filename="../ui/sessiondetailspane.cpp" line="138"/>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessiondetailspane.cpp" line="142"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessiondetailspane.cpp" line="151"/>
        <source>The id scripts use in the HTTP API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessiondetailspane.cpp" line="152"/>
        <source>Sending pace:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessiondetailspane.cpp" line="153"/>
        <source>Mark messages read:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessiondetailspane.cpp" line="154"/>
        <source>Show “typing…”:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessiondetailspane.cpp" line="155"/>
        <source>Session id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessiondetailspane.cpp" line="157"/>
        <source>Edit settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessiondetailspane.cpp" line="239"/>
        <location filename="../ui/sessiondetailspane.cpp" line="240"/>
        <source>%1 since %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessiondetailspane.cpp" line="243"/>
        <source>No number linked yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessiondetailspane.cpp" line="249"/>
        <source>Copy %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessiondetailspane.cpp" line="260"/>
        <source>Details: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessiondetailspane.cpp" line="269"/>
        <source>%1/min · %2/h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessiondetailspane.cpp" line="270"/>
        <location filename="../ui/sessiondetailspane.cpp" line="271"/>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessiondetailspane.cpp" line="270"/>
        <location filename="../ui/sessiondetailspane.cpp" line="271"/>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>wagate::SessionDialog</name>
    <message>
        <location filename="../ui/sessiondialog.cpp" line="35"/>
        <source>New session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessiondialog.cpp" line="39"/>
        <source>Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessiondialog.cpp" line="47"/>
        <source>Settings of “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessiondialog.cpp" line="53"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessiondialog.cpp" line="65"/>
        <source>e.g. Support line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessiondialog.cpp" line="73"/>
        <source>&amp;Label:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessiondialog.cpp" line="79"/>
        <source> per minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessiondialog.cpp" line="80"/>
        <location filename="../ui/sessiondialog.cpp" line="84"/>
        <source>From %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessiondialog.cpp" line="83"/>
        <source> per hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessiondialog.cpp" line="85"/>
        <source>Send at most:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessiondialog.cpp" line="92"/>
        <source>Mark incoming messages as &amp;read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessiondialog.cpp" line="93"/>
        <source>Show “&amp;typing…” before each message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessiondialog.cpp" line="131"/>
        <source>Give the session a name people recognise, e.g. “Support line”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessiondialog.cpp" line="134"/>
        <source>The name cannot contain control characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/sessiondialog.cpp" line="141"/>
        <source>The hourly limit is lower than the per-minute one, so at most %n messages go out in any hour.</source>
        <translation>
            <numerusform>The hourly limit is lower than the per-minute one, so at most %n message goes out in any hour.</numerusform>
            <numerusform>The hourly limit is lower than the per-minute one, so at most %n messages go out in any hour.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wagate::SessionListModel</name>
    <message>
        <location filename="../ui/sessionlistmodel.cpp" line="155"/>
        <source>No number linked yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessionlistmodel.cpp" line="155"/>
        <source>Copied as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessionlistmodel.cpp" line="157"/>
        <source>no number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessionlistmodel.cpp" line="183"/>
        <source>Never connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessionlistmodel.cpp" line="196"/>
        <source>Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessionlistmodel.cpp" line="197"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessionlistmodel.cpp" line="198"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessionlistmodel.cpp" line="199"/>
        <source>Last connected</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>wagate::SessionTimelineModel</name>
    <message>
        <location filename="../ui/sessiontimelinemodel.cpp" line="99"/>
        <source>started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessiontimelinemodel.cpp" line="100"/>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessiontimelinemodel.cpp" line="101"/>
        <source>logged out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessiontimelinemodel.cpp" line="102"/>
        <source>linking by QR code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessiontimelinemodel.cpp" line="103"/>
        <source>linking by pairing code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessiontimelinemodel.cpp" line="104"/>
        <source>QR code shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessiontimelinemodel.cpp" line="105"/>
        <source>pairing code shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessiontimelinemodel.cpp" line="106"/>
        <source>the codes ran out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessiontimelinemodel.cpp" line="107"/>
        <source>linking interrupted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessiontimelinemodel.cpp" line="108"/>
        <source>connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessiontimelinemodel.cpp" line="109"/>
        <source>connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessiontimelinemodel.cpp" line="110"/>
        <source>reconnected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessiontimelinemodel.cpp" line="111"/>
        <source>connection lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessiontimelinemodel.cpp" line="112"/>
        <source>gave up reconnecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessiontimelinemodel.cpp" line="113"/>
        <source>WhatsApp refused the connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessiontimelinemodel.cpp" line="114"/>
        <source>unlinked from the phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessiontimelinemodel.cpp" line="115"/>
        <source>gateway restarted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessiontimelinemodel.cpp" line="120"/>
        <source>linked (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessiontimelinemodel.cpp" line="133"/>
        <source>%1  %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessiontimelinemodel.cpp" line="134"/>
        <source>%1  %2 — %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessiontimelinemodel.cpp" line="138"/>
        <source>%1: %2 → %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>wagate::SignInDialog</name>
    <message>
        <location filename="../ui/signindialog.cpp" line="81"/>
        <source>operator account %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/signindialog.cpp" line="83"/>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/signindialog.cpp" line="85"/>
        <source>login token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/signindialog.cpp" line="94"/>
        <source>Sign in — Wagate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/signindialog.cpp" line="98"/>
        <source>Sign in to Wagate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/signindialog.cpp" line="143"/>
        <source>Back to profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/signindialog.cpp" line="144"/>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/signindialog.cpp" line="145"/>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/signindialog.cpp" line="172"/>
        <source>Saved profiles:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/signindialog.cpp" line="174"/>
        <source>Saved profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/signindialog.cpp" line="178"/>
        <source>Add profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/signindialog.cpp" line="179"/>
        <location filename="../ui/signindialog.cpp" line="207"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/signindialog.cpp" line="180"/>
        <source>Sign in without saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/signindialog.cpp" line="203"/>
        <source>Remove profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/signindialog.cpp" line="204"/>
        <source>Forget “%1” on this computer? Its secret is deleted from the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/signindialog.cpp" line="232"/>
        <source>&amp;Operator account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/signindialog.cpp" line="233"/>
        <source>&amp;API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/signindialog.cpp" line="234"/>
        <source>Login &amp;token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/signindialog.cpp" line="251"/>
        <source>Organization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/signindialog.cpp" line="252"/>
        <location filename="../ui/signindialog.cpp" line="374"/>
        <source>Choose, or type its name or id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/signindialog.cpp" line="256"/>
        <source>Organization:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/signindialog.cpp" line="257"/>
        <source>User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/signindialog.cpp" line="258"/>
        <source>Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/signindialog.cpp" line="266"/>
        <source>wgk_…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/signindialog.cpp" line="267"/>
        <source>API key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/signindialog.cpp" line="268"/>
        <source>Your administrator creates keys with “wagate keys create”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/signindialog.cpp" line="278"/>
        <source>Paste the login token from your company&apos;s sign-in page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/signindialog.cpp" line="281"/>
        <source>Token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/signindialog.cpp" line="286"/>
        <source>&amp;Remember in the system keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/signindialog.cpp" line="289"/>
        <source>Profile name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/signindialog.cpp" line="327"/>
        <source>The system keychain is not available, so sign-ins cannot be remembered on this computer. Nothing is saved; you can still sign in each time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/signindialog.cpp" line="329"/>
        <source>Details: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/signindialog.cpp" line="338"/>
        <source>%1 in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/signindialog.cpp" line="361"/>
        <source>Type the organization&apos;s id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/signindialog.cpp" line="372"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/signindialog.cpp" line="373"/>
        <source>None yet: wagate orgs create NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/signindialog.cpp" line="474"/>
        <source>%1 — this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/signindialog.cpp" line="475"/>
        <source>API key — this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/signindialog.cpp" line="476"/>
        <source>Login token — this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/signindialog.cpp" line="485"/>
        <source>The secret goes to the system keychain; only the profile&apos;s name is kept in a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/signindialog.cpp" line="502"/>
        <source>Starting the gateway…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/signindialog.cpp" line="537"/>
        <source>The gateway engine could not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/signindialog.cpp" line="556"/>
        <source>These credentials were not accepted. Check them and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/signindialog.cpp" line="601"/>
        <location filename="../ui/signindialog.cpp" line="655"/>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/signindialog.cpp" line="624"/>
        <source>API key %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/signindialog.cpp" line="624"/>
        <source>key “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/signindialog.cpp" line="644"/>
        <source>Saving the profile in the system keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/signindialog.cpp" line="649"/>
        <source>Signed in, but this sign-in could not be remembered: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
