#!/bin/sh
# Fetches the original 2010 browser client (socket.io 0.4.1 from npm) into client/socket.io.js,
# where the Legacy sample serves it. Run it from anywhere: sh Samples/Legacy/fetch-2010-client.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
npm pack socket.io@0.4.1 --pack-destination "$work" --silent > /dev/null
# The package's top folder is not "package/", so find the built client by its path's end.
entry=$(tar tzf "$work"/socket.io-0.4.1.tgz | grep '/test/client/socket.io.js$')
tar xzf "$work"/socket.io-0.4.1.tgz -C "$work" "$entry"
mkdir -p "$here/client"
cp "$work/$entry" "$here/client/socket.io.js"
echo "Fetched the 2010 client into $here/client/socket.io.js"
