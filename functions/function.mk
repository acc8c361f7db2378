# Publishing one function, included by functions/<Name>/Makefile after it sets FUNCTION_DIR and FUNCTION_PROJECT.
#   publish-with-layer  what SAM deploys: framework-dependent, ReadyToRun, published against the shared layer's store
#                       manifest, so ARTIFACTS_DIR receives only the function's own files (dll, deps.json,
#                       runtimeconfig.json); Products.*, the AWS SDK and their dependencies come from the layer.
#   publish-fat         the classic package for comparison: the same publish without the layer, every DLL included.

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

.PHONY: publish-fat
publish-fat:
	@mkdir -p '$(ARTIFACTS_DIR)'
	$(FUNCTION_PUBLISH) --artifacts-path '$(SHARED_LAYER_CACHE)/fat' -o '$(ARTIFACTS_DIR)'
	@echo "$(basename $(FUNCTION_PROJECT)) without layer ($(RID)) -> $(ARTIFACTS_DIR)"
