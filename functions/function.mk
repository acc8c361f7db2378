# Publishing one function, included by functions/<Name>/Makefile after it sets FUNCTION_DIR and FUNCTION_PROJECT.
#   publish-with-layer  what SAM deploys: framework-dependent, ReadyToRun, published against the shared layer's store
#                       manifest, so ARTIFACTS_DIR receives only the function's own files (dll, deps.json,
#                       runtimeconfig.json); Products.*, the AWS SDK and their dependencies come from the layer.
#   publish-fat         the classic package for comparison: the same publish without the layer, every DLL included.
#   publish-aot         Native AOT: one self-contained native executable named like the assembly, so the template's
#                       Handler works unchanged (the dotnet10 runtime starts /var/task/<Handler> when no dll exists).
# NATIVE_AOT=1 makes build-<Function> (what sam build runs) use publish-aot instead of publish-with-layer; such a
# function does not need the layer (and must not set DOTNET_SHARED_STORE to a missing store: it ignores it).

include $(dir $(lastword $(MAKEFILE_LIST)))../layers/ProductsShared/store.mk

# Shared by both ways. UseAppHost=false: Lambda's dotnet runtime starts the dll with `dotnet exec`; an apphost would
# only add bytes. DebugType=embedded: stack traces keep file and line without shipping a separate pdb.
FUNCTION_PUBLISH := $(DOTNET) publish '$(FUNCTION_DIR)/$(FUNCTION_PROJECT)' -c Release -r $(RID) --self-contained false \
	--nologo -v quiet -p:UseAppHost=false -p:PublishReadyToRun=true -p:DebugType=embedded

# UseSharedLayer swaps the ProjectReferences to shared/ for PackageReferences to the packed Products.* packages of
# SHARED_LAYER_VERSION (functions/Directory.Build.props); --manifest drops every package the store holds. The
# restore that publish runs sees the same properties, so assets and TargetManifestFiles agree. --artifacts-path keeps
# this build's obj/bin apart from the development build's.
.PHONY: publish-with-layer
publish-with-layer: $(STORE_MANIFEST)
	@mkdir -p '$(ARTIFACTS_DIR)'
	$(FUNCTION_PUBLISH) -p:UseSharedLayer=true $(SHARED_LAYER_RESTORE) --manifest '$(STORE_MANIFEST)' \
		--artifacts-path '$(STORE)/functions' -o '$(ARTIFACTS_DIR)'
	@echo "$(basename $(FUNCTION_PROJECT)) against shared layer $(SHARED_LAYER_VERSION) ($(RID)) -> $(ARTIFACTS_DIR)"

FUNCTION_BUILD := $(if $(filter 1 true,$(NATIVE_AOT)),publish-aot,publish-with-layer)

.PHONY: publish-fat
publish-fat:
	@mkdir -p '$(ARTIFACTS_DIR)'
	$(FUNCTION_PUBLISH) --artifacts-path '$(SHARED_LAYER_CACHE)/fat' -o '$(ARTIFACTS_DIR)'
	@echo "$(basename $(FUNCTION_PROJECT)) without layer ($(RID)) -> $(ARTIFACTS_DIR)"

# StripSymbols moves the debug symbols to a .dbg file beside the binary; it and the libraries' pdbs are not deployed.
.PHONY: publish-aot
publish-aot:
	@mkdir -p '$(ARTIFACTS_DIR)'
	$(DOTNET) publish '$(FUNCTION_DIR)/$(FUNCTION_PROJECT)' -c Release -r $(RID) --nologo -v quiet \
		-p:PublishAot=true -p:StripSymbols=true --artifacts-path '$(SHARED_LAYER_CACHE)/aot' -o '$(ARTIFACTS_DIR)'
	@rm -f '$(ARTIFACTS_DIR)'/*.dbg '$(ARTIFACTS_DIR)'/*.pdb
	@echo "$(basename $(FUNCTION_PROJECT)) Native AOT ($(RID)) -> $(ARTIFACTS_DIR)"
