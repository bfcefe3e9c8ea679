# docker-cloudwatch build entry points. DOCKER_HOST selects the engine; PLUGIN_NAME the plugin reference.
PLUGIN_NAME ?= cloudwatch
export PLUGIN_NAME

.PHONY: all build plugin run test bench clean rootfs-docker

all: build

node_modules: package-lock.json
	npm ci --no-audit --no-fund
	@touch node_modules

build: node_modules
	npx tsc -p tsconfig.json

# Offline build of the managed plugin from the host's node binary, then `docker plugin create` + `enable`.
plugin: node_modules
	bash scripts/build-plugin.sh

# Quick start: build, install the plugin if missing (--yes), run the default job. Extra flags: make run ARGS='...'
run: build
	node dist/cli/main.js run --yes $(ARGS)

# The whole suite, end to end against a private dockerd (started if DOCKER_HOST is unset).
test: node_modules
	bash scripts/test.sh

bench: node_modules
	bash scripts/bench.sh

# For machines that reach a registry: build the rootfs with Docker from plugin/Dockerfile instead of the host node.
rootfs-docker:
	bash plugin/build-with-docker.sh

clean:
	rm -rf dist dist-test build
