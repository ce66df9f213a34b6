#!/bin/sh
# The oracle tests run generated scripts in Debian's PyTorch (python3-torch). Install it when missing.
set -e
if /usr/bin/python3 -c 'import torch' 2>/dev/null; then exit 0; fi
echo "Installing Debian's python3-torch for the oracle tests..."
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq python3-torch >/dev/null
/usr/bin/python3 -c 'import torch; print("torch", torch.__version__)'
