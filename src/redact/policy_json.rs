//! The JSON policy file reader (format in [`super::policy`]).

use serde_json::{Map, Value};

use super::mask::{DEFAULT_MASK_BYTE, MaskSpec};
use super::policy::{ColumnAction, FieldClass, OnMalformed, Policy, PolicyError};
use crate::kind::Kind;
use crate::scan::Confidence;

fn bad(msg: impl Into<String>) -> PolicyError {
    PolicyError::Invalid(msg.into())
}

fn operator(kind: Kind, v: &Value) -> Result<super::Operator, PolicyError> {
    use super::Operator;
    match v {
        Value::String(s) => Ok(match s.as_str() {
            "mask" => Operator::Mask(MaskSpec::default_for(kind)),
            "placeholder" => Operator::Placeholder,
            "numbered" => Operator::Numbered,
            "token" => Operator::Token,
            "pseudonym" => Operator::Pseudonym,
            "keep" => Operator::Keep,
            _ => return Err(bad(format!("kinds.{kind}: unknown operator"))),
        }),
        Value::Object(m) => {
            let spec = m
                .get("mask")
                .and_then(Value::as_object)
                .ok_or_else(|| bad(format!("kinds.{kind}: expected {{\"mask\": {{...}}}}")))?;
            let num = |name: &str, default: u8| -> Result<u8, PolicyError> {
                match spec.get(name) {
                    None => Ok(default),
                    Some(v) => v
                        .as_u64()
                        .and_then(|n| u8::try_from(n).ok())
                        .ok_or_else(|| {
                            bad(format!("kinds.{kind}.mask.{name}: expected a small number"))
                        }),
                }
            };
            let d = MaskSpec::default_for(kind);
            let ch = match spec.get("char") {
                None => DEFAULT_MASK_BYTE,
                Some(Value::String(s)) if s.len() == 1 => s.as_bytes()[0],
                Some(_) => {
                    return Err(bad(format!(
                        "kinds.{kind}.mask.char: expected one character"
                    )));
                }
            };
            Ok(Operator::Mask(MaskSpec {
                lead: num("lead", d.lead)?,
                trail: num("trail", d.trail)?,
                ch,
            }))
        }
        _ => Err(bad(format!("kinds.{kind}: expected a string or object"))),
    }
}

fn object<'a>(
    root: &'a Map<String, Value>,
    key: &str,
) -> Result<Option<&'a Map<String, Value>>, PolicyError> {
    match root.get(key) {
        None => Ok(None),
        Some(Value::Object(m)) => Ok(Some(m)),
        Some(_) => Err(bad(format!("{key}: expected an object"))),
    }
}

fn action(path: &str, v: &Value) -> Result<ColumnAction, PolicyError> {
    v.as_str().and_then(ColumnAction::from_name).ok_or_else(|| {
        bad(format!(
            "{path}: expected scan, mask, drop, keep, token or generalize"
        ))
    })
}

/// Parses a policy file.
pub(crate) fn parse(text: &str) -> Result<Policy, PolicyError> {
    let root: Value = serde_json::from_str(text).map_err(|e| {
        bad(format!(
            "not JSON (line {}, column {})",
            e.line(),
            e.column()
        ))
    })?;
    let root = root.as_object().ok_or_else(|| bad("expected an object"))?;
    let mut policy = Policy::default();
    for key in root.keys() {
        if ![
            "kinds",
            "classes",
            "columns",
            "min_confidence",
            "on_malformed",
            "max_record_bytes",
        ]
        .contains(&key.as_str())
        {
            return Err(bad(format!("unknown key {key:?}")));
        }
    }
    if let Some(kinds) = object(root, "kinds")? {
        for (name, v) in kinds {
            let kind: Kind = name
                .parse()
                .map_err(|_| bad(format!("kinds: unknown kind {name:?}")))?;
            policy.set_operator(kind, operator(kind, v)?)?;
        }
    }
    if let Some(classes) = object(root, "classes")? {
        for (name, v) in classes {
            let class = match name.as_str() {
                "name" => FieldClass::Name,
                "address" => FieldClass::Address,
                "birth_place" => FieldClass::BirthPlace,
                "birth_date" => FieldClass::BirthDate,
                "sex" => FieldClass::Sex,
                "identifier" => FieldClass::Identifier(Kind::Nik),
                "other" => FieldClass::Other,
                _ => return Err(bad(format!("classes: unknown class {name:?}"))),
            };
            policy.set_class_action(class, action(&format!("classes.{name}"), v)?);
        }
    }
    if let Some(columns) = object(root, "columns")? {
        for (name, v) in columns {
            policy.set_column(name, action(&format!("columns.{name}"), v)?);
        }
    }
    if let Some(v) = root.get("min_confidence") {
        policy.min_confidence = match v.as_str() {
            Some("low") => Confidence::Low,
            Some("medium") => Confidence::Medium,
            Some("high") => Confidence::High,
            _ => return Err(bad("min_confidence: expected low, medium or high")),
        };
    }
    if let Some(v) = root.get("on_malformed") {
        policy.on_malformed = match v.as_str() {
            Some("text") => OnMalformed::Text,
            Some("drop") => OnMalformed::Drop,
            Some("reject") => OnMalformed::Reject,
            _ => return Err(bad("on_malformed: expected text, drop or reject")),
        };
    }
    if let Some(v) = root.get("max_record_bytes") {
        policy.max_record_bytes = v
            .as_u64()
            .and_then(|n| usize::try_from(n).ok())
            .filter(|&n| n >= 1024)
            .ok_or_else(|| bad("max_record_bytes: expected a number >= 1024"))?;
    }
    Ok(policy)
}
