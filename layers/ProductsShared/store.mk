# The shared layer's runtime package store, built once per (shared sources, architecture) and reused by the layer
# build and by every function build. Included by layers/ProductsShared/Makefile and functions/function.mk.
#
# Why one cached store instead of each build making its own: `sam build` builds every resource on its own (functions
# first, then layers; see aws-sam-cli samcli/lib/build/build_strategy.py), yet a function must be published against
# the exact package versions the layer holds. Both sides therefore derive the same version from the same sources and
# share the store composed for it (see layers/README.md).

STORE_MK := $(abspath $(lastword $(MAKEFILE_LIST)))
LAYER_DIR := $(patsubst %/,%,$(dir $(STORE_MK)))
REPO_ROOT := $(abspath $(LAYER_DIR)/../..)

# SAM may run a Makefile in a scratch copy of CodeUri, where ../../shared does not exist. Say so instead of failing
# somewhere inside dotnet.
ifeq ($(wildcard $(REPO_ROOT)/shared/Products.Data/Products.Data.csproj),)
$(error $(REPO_ROOT) is not the Products checkout (no shared/Products.Data): these Makefiles build from the source tree. Run sam build with build_in_source = true (samconfig.toml) or --build-in-source)
endif

# The template's Architecture parameter (x86_64 | arm64). SAM does not pass it to make: export ARCHITECTURE=arm64
# before `sam build --parameter-overrides Architecture=arm64`.
ARCHITECTURE ?= x86_64
ifeq ($(ARCHITECTURE),x86_64)
RID := linux-x64
STORE_ARCH := x64
else ifeq ($(ARCHITECTURE),arm64)
RID := linux-arm64
STORE_ARCH := arm64
else
$(error ARCHITECTURE must be x86_64 or arm64 (the template's Architecture parameter), not '$(ARCHITECTURE)')
endif

# Every build and publish target writes to ARTIFACTS_DIR; say so before building anything.
ifneq ($(filter build-% publish-%,$(MAKECMDGOALS)),)
ifeq ($(ARTIFACTS_DIR),)
$(error ARTIFACTS_DIR is not set: sam build sets it; by hand, add ARTIFACTS_DIR=<dir>)
endif
endif

TARGET_FRAMEWORK := net10.0
DOTNET ?= dotnet
SHA256 := $(shell command -v sha256sum 2>/dev/null || echo shasum -a 256)

# The version of the Products.* packages, which also names the cached store: a hash of everything that goes into
# them and into the store. A new version for every change matters because NuGet's global packages folder keeps the
# first copy of a version forever, so re-packing changed code under an old version would silently publish stale DLLs.
# A content hash (not a timestamp) also lets the layer build and each function build, run separately by SAM, arrive
# at the same version without talking to each other.
SHARED_INPUTS := shared Directory.Build.props Directory.Packages.props global.json \
	layers/ProductsShared/ProductsShared.csproj layers/ProductsShared/store.mk
SHARED_SOURCES_HASH := $(shell cd '$(REPO_ROOT)' && find $(SHARED_INPUTS) -type f ! -path '*/bin/*' ! -path '*/obj/*' -print0 \
	| LC_ALL=C sort -z | xargs -0 $(SHA256) | $(SHA256) | cut -c1-16)
SHARED_LAYER_VERSION := 1.0.0-src$(SHARED_SOURCES_HASH)

SHARED_PROJECTS := shared/Products.Lambda/Products.Lambda.csproj shared/Products.Data/Products.Data.csproj
LAYER_PROJECT := $(LAYER_DIR)/ProductsShared.csproj

# Built stores, one folder per version and RID; override to keep a build away from the checkout (the tests do).
SHARED_LAYER_CACHE ?= $(REPO_ROOT)/artifacts/shared-layer
STORE := $(SHARED_LAYER_CACHE)/$(SHARED_LAYER_VERSION)/$(RID)
STORE_FEED := $(STORE)/feed
STORE_ROOT := $(STORE)/dotnetcore/store
STORE_MANIFEST := $(STORE_ROOT)/$(STORE_ARCH)/$(TARGET_FRAMEWORK)/artifact.xml

# Every restore here reaches the packed Products.* packages in the store's feed plus the sources the machine's NuGet
# configuration already names; no source address is written in the repository.
SHARED_LAYER_RESTORE := -p:SharedLayerVersion=$(SHARED_LAYER_VERSION) -p:RestoreAdditionalProjectSources='$(STORE_FEED)'

# pack -> dotnet store -> ReadyToRun overlay, in a staging folder renamed into place at the end, so an interrupted
# build never leaves a half store where the next build would trust it (the next build clears such leftovers).
# --artifacts-path keeps every intermediate file there too (not in shared/*/obj, which developers' builds use).
# --skip-optimization: the store's own optimization step fails on net10 (NETSDK1016: it looks for an old crossgen);
# ReadyToRun comes from publishing the manifest project instead, whose DLLs replace the store's copies.
$(STORE_MANIFEST): STAGE = $(STORE).tmp.$(shell echo $$PPID)
$(STORE_MANIFEST):
	@echo "shared layer: composing store $(SHARED_LAYER_VERSION) for $(RID)"
	@rm -rf '$(STORE)'.tmp.* && mkdir -p '$(STAGE)'
	@set -e; for project in $(SHARED_PROJECTS); do \
		$(DOTNET) pack '$(REPO_ROOT)/'$$project -c Release --nologo -v quiet -p:Version=$(SHARED_LAYER_VERSION) \
			--artifacts-path '$(STAGE)/build' -o '$(STAGE)/feed'; \
	done
	$(DOTNET) store --manifest '$(LAYER_PROJECT)' -r $(RID) -f $(TARGET_FRAMEWORK) --skip-optimization --nologo -v quiet \
		-o '$(STAGE)/dotnetcore/store' -w '$(STAGE)/work' -p:ArtifactsPath='$(STAGE)/build' \
		-p:SharedLayerVersion=$(SHARED_LAYER_VERSION) -p:RestoreAdditionalProjectSources='$(STAGE)/feed'
	@duplicates=$$(sed -n 's/.*<Package Id="\([^"]*\)".*/\1/p' \
		'$(STAGE)/dotnetcore/store/$(STORE_ARCH)/$(TARGET_FRAMEWORK)/artifact.xml' | tr A-Z a-z | sort | uniq -d); \
	if [ -n "$$duplicates" ]; then \
		echo "shared layer: the store holds more than one version of: $$duplicates." \
			"Give each a PackageVersion in Directory.Packages.props so both shared libraries resolve the same one." >&2; \
		exit 1; \
	fi
	$(DOTNET) publish '$(LAYER_PROJECT)' -c Release -r $(RID) --self-contained false --nologo -v quiet \
		-p:PublishReadyToRun=true --artifacts-path '$(STAGE)/build' -o '$(STAGE)/readytorun' \
		-p:SharedLayerVersion=$(SHARED_LAYER_VERSION) -p:RestoreAdditionalProjectSources='$(STAGE)/feed'
	@set -e; for compiled in '$(STAGE)'/readytorun/*.dll; do \
		find '$(STAGE)/dotnetcore/store' -type f -name "$$(basename "$$compiled")" -exec cp "$$compiled" {} \; ; \
	done
	@rm -rf '$(STAGE)/build' '$(STAGE)/work' '$(STAGE)/readytorun'
	@if [ -e '$@' ]; then rm -rf '$(STAGE)'; else rm -rf '$(STORE)' && mv '$(STAGE)' '$(STORE)'; fi
	@echo "shared layer: store ready in $(STORE_ROOT)"

.PHONY: print-shared-layer-version
print-shared-layer-version:
	@echo $(SHARED_LAYER_VERSION)
