/**
 * The tagging validators of smithy-aws-traits: ServiceTagging (each tagging operation of a
 * `tagEnabled` service present and well formed), TagEnabledService (a taggable resource, the
 * three operations, no `apiConfig` shadowed by a default-named operation), TaggableResource
 * (each taggable resource taggable one way or another, tags not updated by update/put),
 * TagResourcePropertyName and TagResourcePropertyType (the tag property's name and shape).
 */
import type { TraitValidationContext } from "../../traits/context.js";
import { containedResources, shapesOfType } from "../aws-traits.js";
import { apiConfig, TAG_ENABLED, TAG_ROLES, TAGGABLE, tagIndex, tagProperty, type TagIndex } from "./tag-index.js";
import { instanceApisVerified, isTagName, isTagsShape } from "./tag-shapes.js";

/** The index, built once per validation run and shared by the tagging validators. */
const INDEXES = new WeakMap<TraitValidationContext, TagIndex>();
function indexOf(ctx: TraitValidationContext): TagIndex {
  let index = INDEXES.get(ctx);
  if (index === undefined) INDEXES.set(ctx, (index = tagIndex(ctx)));
  return index;
}

/** Missing (WARNING) or ill-formed (DANGER) tagging operations of each `tagEnabled` service. */
export function checkServiceTagging(ctx: TraitValidationContext): void {
  for (const [service, roles] of indexOf(ctx).services) {
    const config = apiConfig(service.traits[TAG_ENABLED]);
    for (const role of TAG_ROLES) {
      const found = roles.get(role.name);
      if (found === undefined) {
        const configured = config?.[role.config];
        const name =
          configured === undefined
            ? `${role.name}.'`
            : `${configured.slice(configured.indexOf("#") + 1)}' (specified by \`apiConfig\`).`;
        ctx.report(service, TAG_ENABLED, {
          eventId: "ServiceTagging",
          severity: "WARNING",
          message: `Service marked \`aws.api#TagEnabled\` is missing an operation named '${name}`,
        });
      } else if (!found.valid) {
        ctx.report(service, TAG_ENABLED, {
          eventId: "ServiceTagging",
          severity: "DANGER",
          message: `Shape \`${found.id}\` does not satisfy '${role.name}' operation requirements.`,
        });
      }
    }
  }
}

/** A taggable resource, the full set of operations, and no ambiguous `apiConfig`. */
export function checkTagEnabledServices(ctx: TraitValidationContext): void {
  const index = indexOf(ctx);
  for (const service of index.services.keys()) {
    const trait = service.traits[TAG_ENABLED];
    if (!containedResources(ctx.shapes, service).some((r) => r.traits[TAGGABLE] !== undefined)) {
      ctx.report(service, undefined, {
        eventId: "TagEnabledService",
        message: "Service marked `aws.api#tagEnabled` trait must have at least one `aws.api#taggable` resource.",
      });
    }
    const disabled =
      trait !== null &&
      typeof trait === "object" &&
      !Array.isArray(trait) &&
      trait["disableDefaultOperations"] === true;
    if (!disabled && !index.withAllTagApis.has(service)) {
      ctx.report(service, undefined, {
        eventId: "TagEnabledService",
        severity: "WARNING",
        message:
          "Service marked `aws.api#tagEnabled` trait does not have consistent tagging operations implemented: {TagResource, UntagResource, and ListTagsForResource}.",
      });
    }
    const config = apiConfig(trait);
    const names = new Set((service.operations ?? []).map((id) => id.slice(id.indexOf("#") + 1)));
    for (const role of TAG_ROLES) {
      const configured = config?.[role.config];
      if (configured === undefined || configured.endsWith(`#${role.name}`) || !names.has(role.name)) continue;
      ctx.report(service, TAG_ENABLED, {
        eventId: "TagEnabledService",
        severity: "WARNING",
        message: `Service has \`apiConfig.${role.config}\` set to \`${configured}\` but also has a service-bound operation named \`${role.name}\`. The default-named operation will be ignored for tagging API discovery. Remove either the \`apiConfig\` override or the \`${role.name}\` operation to avoid ambiguity.`,
      });
    }
  }
}

/** Each resource of each service: taggable by some route, tags not updatable, the service tag-enabled. */
export function checkTaggableResources(ctx: TraitValidationContext): void {
  const index = indexOf(ctx);
  for (const service of shapesOfType(ctx.shapes, "service")) {
    const serviceWide = index.withAllTagApis.has(service);
    for (const resource of containedResources(ctx.shapes, service)) {
      let likelyTaggable = false;
      if (resource.traits[TAGGABLE] !== undefined) {
        likelyTaggable = true;
        if (index.tagOnUpdate.has(resource)) {
          const op = ctx.shapes.get(resource.update ?? resource.put ?? "");
          if (op !== undefined) {
            ctx.report(op, undefined, {
              eventId: "TaggableResource",
              severity: "DANGER",
              message:
                "Update and put resource lifecycle operations should not support updating tags because it is a privileged operation that modifies access.",
            });
          }
        }
        const config = apiConfig(resource.traits[TAGGABLE]);
        const viaInstance = config !== undefined && instanceApisVerified(ctx.shapes, config, tagProperty(resource));
        if (serviceWide && !viaInstance && resource.traits["aws.api#arn"] === undefined) {
          ctx.report(resource, undefined, {
            eventId: "TaggableResource",
            message: "Resource is taggable only via service-wide tag operations. It must use the `aws.api@arn` trait.",
          });
        }
        if (!serviceWide && !viaInstance) {
          ctx.report(resource, undefined, {
            eventId: "TaggableResource",
            severity: "DANGER",
            message: `Resource does not have tagging CRUD operations and is not compatible with service-wide tagging operations for service \`${service.id}\`.`,
          });
        }
      } else if (resource.traits["aws.api#arn"] !== undefined && serviceWide) {
        ctx.report(resource, undefined, {
          eventId: "TaggableResource",
          severity: "WARNING",
          message: "Resource is likely missing `aws.api#taggable` trait.",
        });
        likelyTaggable = true;
      }
      if (likelyTaggable && service.traits[TAG_ENABLED] === undefined) {
        ctx.report(service, undefined, {
          eventId: "TaggableResource",
          severity: "WARNING",
          message:
            "Service has resources with `aws.api#taggable` applied but does not have the `aws.api#tagEnabled` trait.",
        });
      }
    }
  }
}

/** The tag property should be called `tags` or `Tags`. */
export function checkTagPropertyNames(ctx: TraitValidationContext): void {
  for (const resource of shapesOfType(ctx.shapes, "resource")) {
    const property = tagProperty(resource);
    if (property === undefined || isTagName(property)) continue;
    ctx.report(resource, undefined, {
      eventId: "TagResourcePropertyName",
      severity: "WARNING",
      message: "Suggested tag property name is '[T|t]ags'.",
    });
  }
}

/** The tag property is a list of string pairs or a map of strings. */
export function checkTagPropertyTypes(ctx: TraitValidationContext): void {
  for (const resource of shapesOfType(ctx.shapes, "resource")) {
    const property = tagProperty(resource);
    const target = property === undefined ? undefined : resource.properties?.[property];
    if (target === undefined || isTagsShape(ctx.shapes, ctx.shapes.get(target))) continue;
    ctx.report(resource, undefined, {
      eventId: "TagResourcePropertyType",
      message:
        "Tag property must be a list shape targeting a member containing a pair of strings, or a Map shape targeting a string member.",
    });
  }
}
