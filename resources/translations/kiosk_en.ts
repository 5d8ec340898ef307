<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AdminPinGate</name>
    <message numerus="yes">
        <location filename="../../kiosk/ui/admin_gate.py" line="66"/>
        <source>The PIN is wrong. Tries left before the settings lock: %n</source>
        <translation>
            <numerusform>The PIN is wrong. Tries left before the settings lock: %n</numerusform>
            <numerusform>The PIN is wrong. Tries left before the settings lock: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/admin_gate.py" line="68"/>
        <source>Too many wrong PINs. The settings are locked for %n second(s).</source>
        <translation>
            <numerusform>Too many wrong PINs. The settings are locked for %n second.</numerusform>
            <numerusform>Too many wrong PINs. The settings are locked for %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DayEndScreen</name>
    <message numerus="yes">
        <location filename="../../kiosk/ui/store/dayend.py" line="137"/>
        <source>⚠ %n item(s) pending (offline): counted here, confirmed by the cloud when the connection returns.</source>
        <translation>
            <numerusform>⚠ %n item pending (offline): counted here, confirmed by the cloud when the connection returns.</numerusform>
            <numerusform>⚠ %n items pending (offline): counted here, confirmed by the cloud when the connection returns.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/store/dayend.py" line="140"/>
        <source>⚠ %n conflict(s) to look at with the office: %1</source>
        <translation>
            <numerusform>⚠ %n conflict to look at with the office: %1</numerusform>
            <numerusform>⚠ %n conflicts to look at with the office: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GrantScreen</name>
    <message numerus="yes">
        <location filename="../../kiosk/ui/counter/grant.py" line="332"/>
        <source>This session: %n grant(s), %1 points</source>
        <translation>
            <numerusform>This session: %n grant, %1 points</numerusform>
            <numerusform>This session: %n grants, %1 points</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message numerus="yes">
        <location filename="../../kiosk/ui/widgets/pinpad.py" line="183"/>
        <source>%n tries left</source>
        <translation>
            <numerusform>%n try left</numerusform>
            <numerusform>%n tries left</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StoreHome</name>
    <message numerus="yes">
        <location filename="../../kiosk/ui/store/home.py" line="72"/>
        <source>⚠ %n conflict(s) found by the cloud to look at with the office: see the day end.</source>
        <translation>
            <numerusform>⚠ %n conflict found by the cloud to look at with the office: see the day end.</numerusform>
            <numerusform>⚠ %n conflicts found by the cloud to look at with the office: see the day end.</numerusform>
        </translation>
    </message>
</context>
</TS>
