#!/bin/sh
# /usr/bin/kiosk: the bundle installed by the mykey-kiosk package lives in /opt/mykey-kiosk
exec /opt/mykey-kiosk/kiosk "$@"
